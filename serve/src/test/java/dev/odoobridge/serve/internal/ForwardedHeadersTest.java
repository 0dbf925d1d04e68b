package dev.odoobridge.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {
    /** Answers the scheme, host and client address the handler sees. */
    private static final Handler ECHO = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String seen = request.getHttpURI().getScheme() + " " + Request.getServerName(request) + " "
                    + Request.getRemoteAddr(request);
            response.write(true, ByteBuffer.wrap(seen.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    };

    private static String ask(boolean forwarded) throws Exception {
        Server server = JettyServers.start(new JettyServers.Settings("127.0.0.1", 0, 8, Duration.ofSeconds(5),
                Duration.ofSeconds(1), "test-http", forwarded), ECHO);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + JettyServers.port(server) + "/"))
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "bridge.example.com")
                    .header("X-Forwarded-For", "203.0.113.7").build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            JettyServers.stopQuietly(server);
        }
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() throws Exception {
        assertThat(ask(false)).isEqualTo("http 127.0.0.1 127.0.0.1");
    }

    @Test
    void aTrustedProxySetsSchemeHostAndClient() throws Exception {
        assertThat(ask(true)).isEqualTo("https bridge.example.com 203.0.113.7");
    }
}
