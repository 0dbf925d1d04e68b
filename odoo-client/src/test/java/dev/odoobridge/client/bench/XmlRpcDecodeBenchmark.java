package dev.odoobridge.client.bench;

import dev.odoobridge.client.internal.xmlrpc.XmlRpcDecoding;
import dev.odoobridge.client.testing.Recordings;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.common.TypeFactory;
import org.apache.xmlrpc.parser.XmlRpcResponseParser;
import org.apache.xmlrpc.util.SAXParsers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Decoding the recorded XML-RPC {@code search_read} of all 5,047 products (3.4 MB): our hardened
 * reader (as the transport runs it, from a stream) next to the fork's stock
 * {@link XmlRpcResponseParser} on the JDK's SAX parser. Scores are milliseconds per decode of the
 * whole body.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class XmlRpcDecodeBenchmark {
    static final String FILE = "large/product-search_read-all.response.xml";
    static final int RECORDS = 5047;

    private byte[] body;
    private XmlRpcDecoding ours;
    private XmlRpcClientConfigImpl stockConfig;
    private TypeFactory stockTypes;

    /** Loads the recording once and checks both decoders see every record. */
    @Setup
    public void setUp() throws Exception {
        body = Recordings.bytes(FILE);
        ours = new XmlRpcDecoding();
        stockConfig = new XmlRpcClientConfigImpl();
        stockTypes = new XmlRpcClient().getTypeFactory();
        int oursCount = ((List<?>) odooBridgeReader()).size();
        int stockCount = ((Object[]) apacheStockParser()).length;
        if (oursCount != RECORDS || stockCount != RECORDS) {
            throw new IllegalStateException("expected " + RECORDS + " records, decoded " + oursCount + " / " + stockCount);
        }
    }

    /** Our reader: hand-written over the bytes, LinkedHashMap / List / boxed scalars. */
    @Benchmark
    public Object odooBridgeReader() throws Exception {
        return ours.decode(body);
    }

    /** The fork's default response parsing path (what XmlRpcStreamTransport.readResponse does). */
    @Benchmark
    public Object apacheStockParser() throws Exception {
        XmlRpcResponseParser parser = new XmlRpcResponseParser(stockConfig, stockTypes);
        XMLReader reader = SAXParsers.newXMLReader();
        reader.setContentHandler(parser);
        reader.parse(new InputSource(new ByteArrayInputStream(body)));
        return parser.getResult();
    }
}
