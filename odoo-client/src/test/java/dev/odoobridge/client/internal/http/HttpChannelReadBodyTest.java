package dev.odoobridge.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a body read fails: the stream breaking, the cap, or content the reader cannot decode. */
class HttpChannelReadBodyTest {
    private final HttpChannel channel = new HttpChannel(OdooConfig.builder().url("http://localhost:8069")
            .database("retail").login("admin").secret("s3cret").maxResponseBytes(100).build());

    @AfterEach
    void close() {
        channel.close();
    }

    @Test
    void aStreamThatBreaksIsAConnectionFailure() {
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream("{\"a\":".getBytes()), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        });
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class,
                () -> channel.readBody("/jsonrpc", 200, "application/json", broken, (s, t, in) -> in.readAllBytes()));
        assertThat(e.kind()).isEqualTo(Kind.CONNECTION_RESET);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void contentTheReaderCannotDecodeIsMalformedAndNotRetryable() {
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class,
                () -> channel.readBody("/jsonrpc", 200, "application/json", new ByteArrayInputStream(new byte[] {0, 0, 0, '{'}),
                        (s, t, in) -> {
                            in.readAllBytes();
                            throw new CharConversionException("Invalid UTF-32 character");
                        }));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("/jsonrpc", "cannot be decoded", "Invalid UTF-32 character");
    }

    @Test
    void passingTheCapIsTooLarge() {
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class,
                () -> channel.readBody("/jsonrpc", 200, "application/json", new ByteArrayInputStream(new byte[101]),
                        (s, t, in) -> in.readAllBytes()));
        assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
        byte[] atTheCap = channel.readBody("/jsonrpc", 200, "application/json", new ByteArrayInputStream(new byte[100]),
                (s, t, in) -> in.readAllBytes());
        assertThat(atTheCap).hasSize(100);
    }
}
