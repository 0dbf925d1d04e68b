package dev.odoobridge.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.state.SharedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Random paths, methods, headers and bodies: never a 5xx, never anything stored. */
class ReceiverFuzzIT {
    static final String SOURCE = SharedPostgres.uniqueSource("fuzz");
    static final String TOKEN = "fuzz-token-0123456789";
    static WebhookServer receiver;

    static synchronized WebhookServer receiver() {
        if (receiver == null) {
            receiver = WebhookServer.builder(SharedPostgres.database())
                    .source(WebhookSource.of(SOURCE, TOKEN))
                    .models(List.of("product.product"))
                    .maxBodyBytes(2048)
                    .build().start();
        }
        return receiver;
    }

    @AfterContainer
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Property(tries = 150)
    void randomRequestsAreRefusedCleanly(@ForAll("paths") String path, @ForAll("methods") String method,
                                         @ForAll("bodies") String body, @ForAll("headerValues") String headerValue) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver().port() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("webhook-signature", headerValue)
                .header("X-Random", headerValue)
                .build();
        HttpResponse<String> r = Posts.send(request);
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(WebhookInbox.of(SharedPostgres.database()).list(
                dev.odoobridge.sync.webhook.EventFilter.all().source(SOURCE), 10)).isEmpty();
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019-_.~").ofMaxLength(24);
        return Arbitraries.oneOf(
                segment.map(s -> "/" + s),
                segment.map(s -> "/webhook/%2e%2e/" + s + "%41"),
                segment.map(s -> "/webhook/" + SOURCE + "/" + s),
                segment.map(s -> "/webhook/" + s + "/" + TOKEN),
                segment.map(s -> "/webhook/" + SOURCE + "/" + TOKEN + "/" + s),
                segment.map(s -> "/webhook/" + SOURCE + "/" + TOKEN.substring(0, TOKEN.length() - 1) + s),
                // the right path: the body decides
                Arbitraries.just("/webhook/" + SOURCE + "/" + TOKEN));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> junk = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789 -._abtrufesnl\\").ofMaxLength(120);
        Arbitrary<String> wrongModel = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .map(m -> "{\"_model\": \"x." + m + "\", \"_id\": 5}");
        Arbitrary<String> badId = Arbitraries.oneOf(Arbitraries.just("\"5\""), Arbitraries.just("0"),
                Arbitraries.just("null"), Arbitraries.just("[5]"), Arbitraries.longs().lessOrEqual(0).map(String::valueOf),
                Arbitraries.doubles().map(d -> String.valueOf(d + 0.5)))
                .map(id -> "{\"_model\": \"product.product\", \"_id\": " + id + "}");
        Arbitrary<String> big = Arbitraries.integers().between(2049, 6000).map(n -> "{\"a\":\"" + "y".repeat(n) + "\"}");
        return Arbitraries.oneOf(junk, jsonish, wrongModel, badId, big);
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40);
    }
}
