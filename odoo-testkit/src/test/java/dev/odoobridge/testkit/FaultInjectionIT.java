package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectionIT {
    private static FakeOdoo fake;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        fake = FakeOdoo.builder().seed(5).build().start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @AfterEach
    void clear() {
        fake.faults().clear();
    }

    private HttpResponse<String> count(Duration timeout) throws IOException, InterruptedException {
        return http.send(request("search_count", "{\"domain\": []}", timeout), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(fake.url() + "/json/2/res.partner/" + method)).timeout(timeout)
                .header("Authorization", "bearer " + fake.apiKey("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private int partners() throws Exception {
        return Integer.parseInt(count(Duration.ofSeconds(10)).body());
    }

    @Test
    void http503And502AnswerOnceThenTheServerRecovers() throws Exception {
        fake.faults().next(Fault.HTTP_503).next(Fault.HTTP_502);
        assertThat(count(Duration.ofSeconds(10)).statusCode()).isEqualTo(503);
        HttpResponse<String> bad = count(Duration.ofSeconds(10));
        assertThat(bad.statusCode()).isEqualTo(502);
        assertThat(bad.body()).contains("502 Bad Gateway");
        assertThat(count(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void resetDropsTheConnectionWithoutServingTheCall() throws Exception {
        int before = partners();
        fake.faults().next(Fault.RESET);
        assertThatThrownBy(() -> http.send(request("create", "{\"vals_list\": [{\"name\": \"lost\"}]}", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(partners()).isEqualTo(before);
    }

    @Test
    void resetAfterCallLosesTheAnswerButNotTheChange() throws Exception {
        int before = partners();
        fake.faults().next(Fault.RESET_AFTER_CALL);
        assertThatThrownBy(() -> http.send(request("create", "{\"vals_list\": [{\"name\": \"kept\"}]}", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(partners()).isEqualTo(before + 1);
    }

    @Test
    void timeoutHoldsTheRequestPastTheClientTimeout() {
        fake.faults().next(Fault.timeout(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> count(Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void malformedBodyDoesNotParse() throws Exception {
        fake.faults().next(Fault.MALFORMED);
        HttpResponse<String> r = count(Duration.ofSeconds(10));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThatThrownBy(() -> new ObjectMapper().readValue(r.body(), Object.class)).isInstanceOf(IOException.class);
    }

    @Test
    void latencyDelaysButServes() throws Exception {
        fake.faults().next(Fault.latency(Duration.ofMillis(100)));
        HttpResponse<String> r = count(Duration.ofSeconds(10));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).matches("\\d+");
    }

    @Test
    void ratesHitAShareOfRequestsUntilCleared() throws Exception {
        fake.faults().rate(0.5, Fault.HTTP_503);
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            if (count(Duration.ofSeconds(10)).statusCode() == 503) {
                failed++;
            }
        }
        assertThat(failed).isBetween(5, 35);
        fake.faults().clear();
        assertThat(count(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsApplyToXmlRpcToo() throws Exception {
        fake.faults().next(Fault.MALFORMED);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.url() + "/xmlrpc/2/common"))
                .POST(HttpRequest.BodyPublishers.ofString("<?xml version='1.0'?><methodCall><methodName>version</methodName>"
                        + "<params></params></methodCall>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type")).contains("text/xml; charset=utf-8");
        assertThat(r.body()).doesNotContain("</methodResponse>");
        assertThat(Map.of("status", r.statusCode())).containsEntry("status", 200);
    }
}
