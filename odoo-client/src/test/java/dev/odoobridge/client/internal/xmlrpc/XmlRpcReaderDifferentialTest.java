package dev.odoobridge.client.internal.xmlrpc;

import static dev.odoobridge.client.testing.DecodedValues.preview;
import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.testing.ByteMutations;
import dev.odoobridge.client.testing.Recordings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The hand-written reader against the JDK's SAX parser ({@link SaxResponseReader}, the client's
 * reader before): every recording decodes to equal values, and whenever both accept a mutated
 * recording they agree on the value (types, order of members, text after references and line
 * ends). The reader is stricter in places (text mixed with typed elements), never looser: what it
 * accepts, SAX accepts.
 */
class XmlRpcReaderDifferentialTest {
    private static List<byte[]> seeds;

    @BeforeContainer
    static void load() {
        seeds = new ArrayList<>();
        for (String name : Recordings.names()) {
            if (name.contains("-xmlrpc-")) {
                seeds.add(Recordings.load(name).responseBody().getBytes(StandardCharsets.UTF_8));
            }
        }
        seeds.add(Recordings.bytes("large/product-search_read-all.response.xml"));
    }

    @Example
    void everyRecordingDecodesAsTheSaxReaderDecodesIt() {
        assertThat(seeds).hasSizeGreaterThan(20);
        for (byte[] body : seeds) {
            Outcome ours = ours(body);
            assertThat(ours.failure()).as("%s", preview(body)).isNull();
            assertThat(ours).as("%s", preview(body)).isEqualTo(reference(body));
        }
    }

    @Property(tries = 1000, seed = "20261206")
    void acceptsOnlyWhatSaxAcceptsAndDecodesItAlike(@ForAll("mutatedRecordings") byte[] body) {
        Outcome ours = ours(body);
        Outcome reference = reference(body);
        if (ours.failure() == null && reference.failure() == null) {
            assertThat(ours.response()).as("%s", preview(body)).isEqualTo(reference.response());
            Statistics.collect("both decode");
        } else {
            Statistics.collect(ours.failure() == null ? "only ours decodes" : reference.failure() == null
                    ? "only SAX decodes" : "both refuse");
        }
        // never looser than SAX: what the reader accepts is well-formed XML
        assertThat(ours.failure() != null || reference.failure() == null)
                .as("accepted by ours, refused by SAX (%s): %s", reference.failure(), preview(body)).isTrue();
    }

    @Provide
    Arbitrary<byte[]> mutatedRecordings() {
        return ByteMutations.mutated(seeds.subList(0, seeds.size() - 1));
    }

    private static Outcome ours(byte[] body) {
        try {
            return new Outcome(new XmlRpcResponseReader().read(new ByteArrayInputStream(body)), null);
        } catch (OdooTransportException e) {
            return new Outcome(null, e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome reference(byte[] body) {
        try {
            return new Outcome(new SaxResponseReader().read(new ByteArrayInputStream(body)), null);
        } catch (OdooTransportException e) {
            return new Outcome(null, e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * One decode: the response or the failure's message.
     *
     * @param response what was decoded
     * @param failure the failure message, or null
     */
    private record Outcome(XmlRpcResponse response, String failure) {
    }
}
