package dev.odoobridge.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.webhook.internal.Signatures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookServerIT {
    static final String TOKEN = "tok-0123456789abcdef";
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("signing-key-0123456789".getBytes());
    static final Instant NOW = Instant.parse("2026-11-21T19:35:00Z");
    static final String SOURCE = SharedPostgres.uniqueSource("recv");
    static final String SIGNED = SharedPostgres.uniqueSource("signed");
    static final String VALID = "{\"_action\": \"wh(#478)\", \"_id\": 5060, \"_model\": \"product.product\", \"id\": 5060}";
    static WebhookServer receiver;
    static WebhookInbox inbox;

    @BeforeAll
    static void start() {
        receiver = WebhookServer.builder(SharedPostgres.database())
                .source(WebhookSource.of(SOURCE, TOKEN))
                .source(new WebhookSource(SIGNED, TOKEN + "x", SECRET))
                .models(List.of("product.product", "stock.quant"))
                .maxBodyBytes(4096)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build().start();
        inbox = WebhookInbox.of(SharedPostgres.database());
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    static HttpResponse<String> post(String path, String body, String... headers) {
        return Posts.post(receiver.port(), path, body, headers);
    }

    static List<WebhookEvent> stored(String source) {
        return inbox.list(EventFilter.all().source(source), 1000);
    }

    @Test
    void acceptedPostIsStoredPendingBeforeTheAnswer() {
        String source = SOURCE;
        int before = stored(source).size();
        HttpResponse<String> r = post("/webhook/" + source + "/" + TOKEN, VALID);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("\"status\":\"accepted\"");
        List<WebhookEvent> events = stored(source);
        assertThat(events).hasSize(before + 1);
        WebhookEvent e = events.get(events.size() - 1);
        assertThat(r.body()).contains("\"event\":" + e.id());
        assertThat(e.model()).isEqualTo("product.product");
        assertThat(e.recordId()).isEqualTo(5060);
        assertThat(e.status()).isEqualTo(EventStatus.PENDING);
        assertThat(e.action()).isEqualTo("create_or_write");
        assertThat(e.payload()).contains("\"_action\"");
    }

    @Test
    void actionIsDerivedFromThePayload() {
        post("/webhook/" + SOURCE + "/" + TOKEN,
                "{\"_action\": \"wh product.product on_unlink(#479)\", \"_id\": 77, \"_model\": \"product.product\"}");
        post("/webhook/" + SOURCE + "/" + TOKEN,
                "{\"_action\": \"wh(#478)\", \"_id\": 78, \"_model\": \"product.product\", \"active\": false}");
        List<WebhookEvent> events = stored(SOURCE);
        assertThat(events).filteredOn(e -> e.recordId() == 77).extracting(WebhookEvent::action).containsOnly("unlink");
        assertThat(events).filteredOn(e -> e.recordId() == 78).extracting(WebhookEvent::action).containsOnly("archive");
    }

    @Test
    void everyBadRequestIsRefusedAndNothingIsStored() {
        int before = stored(SOURCE).size();
        String good = "/webhook/" + SOURCE + "/" + TOKEN;
        assertThat(post("/webhook/" + SOURCE + "/wrong-token-0123456", VALID).statusCode()).isEqualTo(404);
        assertThat(post("/webhook/nosuchsource/" + TOKEN, VALID).statusCode()).isEqualTo(404);
        assertThat(post("/webhook/" + SOURCE, VALID).statusCode()).isEqualTo(404);
        assertThat(post("/webhook/" + SOURCE + "/", VALID).statusCode()).isEqualTo(404);
        assertThat(post(good + "/extra", VALID).statusCode()).isEqualTo(404);
        assertThat(post("/other", VALID).statusCode()).isEqualTo(404);
        assertThat(send("GET", good).statusCode()).isEqualTo(405);
        assertThat(send("PUT", good).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/webhook/" + SOURCE + "/wrong-token-0123456").statusCode())
                .as("a wrong token is not revealed by the method check").isEqualTo(404);
        HttpResponse<String> big = post(good, "{\"_model\": \"" + "x".repeat(5000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("larger than 4096 bytes");
        assertBadRequest(good, "not json", "not valid JSON");
        assertBadRequest(good, "", "");
        assertBadRequest(good, "[1, 2]", "JSON object");
        assertBadRequest(good, "\"text\"", "JSON object");
        assertBadRequest(good, "{\"_id\": 1}", "_model");
        assertBadRequest(good, "{\"_model\": 5, \"_id\": 1}", "_model");
        assertBadRequest(good, "{\"_model\": \"product.product\"}", "_id");
        assertBadRequest(good, "{\"_model\": \"product.product\", \"_id\": \"1\"}", "_id");
        assertBadRequest(good, "{\"_model\": \"product.product\", \"_id\": 1.5}", "_id");
        assertBadRequest(good, "{\"_model\": \"product.product\", \"_id\": -3}", "_id");
        assertBadRequest(good, "{\"_model\": \"product.product\", \"_id\": 99999999999999999999999}", "_id");
        assertBadRequest(good, "{\"_model\": \"product.product\", \"_id\": 1, \"name\": \"a\\u0000b\"}", "NUL");
        assertBadRequest(good, "{\"_model\": \"product.product\", \"_id\": 1, \"name\": \"\\ud800\"}", "surrogate");
        HttpResponse<String> unknown = post(good, "{\"_model\": \"res.partner\", \"_id\": 1}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("res.partner").contains("not synced");
        assertThat(stored(SOURCE)).hasSize(before);
    }

    @Test
    void signedSourceNeedsAValidRecentSignature() {
        String path = "/webhook/" + SIGNED + "/" + TOKEN + "x";
        Signatures signer = new Signatures(SECRET, Duration.ofMinutes(5));
        String ts = Long.toString(NOW.getEpochSecond());
        String sig = "v1," + Base64.getEncoder().encodeToString(signer.sign("msg_1", ts, VALID.getBytes(StandardCharsets.UTF_8)));

        assertThat(post(path, VALID).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(post(path, VALID, "webhook-id", "msg_1", "webhook-timestamp", ts,
                "webhook-signature", "v1,AAAA").statusCode()).as("wrong signature").isEqualTo(401);
        assertThat(post(path, VALID, "webhook-id", "msg_2", "webhook-timestamp", ts,
                "webhook-signature", sig).statusCode()).as("signature of another id").isEqualTo(401);
        String old = Long.toString(NOW.minus(Duration.ofMinutes(6)).getEpochSecond());
        String oldSig = "v1," + Base64.getEncoder().encodeToString(signer.sign("msg_1", old, VALID.getBytes(StandardCharsets.UTF_8)));
        assertThat(post(path, VALID, "webhook-id", "msg_1", "webhook-timestamp", old,
                "webhook-signature", oldSig).statusCode()).as("too old").isEqualTo(401);
        assertThat(stored(SIGNED)).isEmpty();

        HttpResponse<String> ok = post(path, VALID, "webhook-id", "msg_1", "webhook-timestamp", ts,
                "webhook-signature", "v1,bm90LXRoaXM= " + sig);
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(stored(SIGNED)).hasSize(1);
    }

    private static void assertBadRequest(String path, String body, String reason) {
        HttpResponse<String> r = post(path, body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(r.body()).as(body).contains(reason);
    }

    private static HttpResponse<String> send(String method, String path) {
        return Posts.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(VALID)).build());
    }
}
