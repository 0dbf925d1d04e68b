package dev.odoobridge.api.barcode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenFoodFacts adapter and the cache in front of it, against WireMock serving answers of the real API's shape. */
class OpenFoodFactsTest {
    private static final String UA = "odoo-bridge-test/1.0 (ops@shop.example)";
    private static final String FOUND = "{\"code\":\"3017624010701\",\"product\":{\"brands\":\"Nutella,Ferrero\","
            + "\"code\":\"3017624010701\",\"image_url\":\"https://images.openfoodfacts.org/images/products/301/762/401/0701/front_en.400.jpg\","
            + "\"product_name\":\"Nutella\",\"quantity\":\"400 g\"},\"status\":1,\"status_verbose\":\"product found\"}";
    private static final String NOT_FOUND = "{\"code\":\"5449000000996\",\"status\":0,\"status_verbose\":\"product not found\"}";

    private WireMockServer server;
    private OpenFoodFacts off;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v2/product/3017624010701")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(FOUND)));
        server.stubFor(get(urlPathEqualTo("/api/v2/product/5449000000996")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));
        server.stubFor(get(urlPathEqualTo("/api/v2/product/0012345678905")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(NOT_FOUND.replace("5449000000996", "0012345678905"))));
        server.stubFor(get(urlPathEqualTo("/api/v2/product/4006381333931")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(4000).withBody(FOUND)));
        server.stubFor(get(urlPathEqualTo("/api/v2/product/0036000291452")).willReturn(aResponse().withStatus(429)));
        off = new OpenFoodFacts(URI.create(server.baseUrl()), UA, Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void foundProductWithTheCustomUserAgent() {
        ExternalProduct p = off.lookup("3017624010701").orElseThrow();
        assertThat(p.name()).isEqualTo("Nutella");
        assertThat(p.brand()).isEqualTo("Nutella,Ferrero");
        assertThat(p.quantity()).isEqualTo("400 g");
        assertThat(p.catalogue()).isEqualTo("openfoodfacts");
        server.verify(getRequestedFor(urlPathEqualTo("/api/v2/product/3017624010701")).withHeader("User-Agent", equalTo(UA)));
    }

    @Test
    void unknownByStatus404OrStatusZero() {
        assertThat(off.lookup("5449000000996")).isEmpty();
        assertThat(off.lookup("012345678905")).as("UPC-A asked in its 13-digit form").isEmpty();
        server.verify(getRequestedFor(urlPathEqualTo("/api/v2/product/0012345678905")));
    }

    @Test
    void refusalsAreFailuresNotMisses() {
        assertThatThrownBy(() -> off.lookup("036000291452")).isInstanceOf(ExternalLookupException.class)
                .hasMessageContaining("429");
    }

    @Test
    void timeoutsAreFailuresNotMisses() {
        assertThatThrownBy(() -> off.lookup("4006381333931")).isInstanceOf(ExternalLookupException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void userAgentIsRequired() {
        assertThatThrownBy(() -> new OpenFoodFacts(URI.create(server.baseUrl()), " ", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cacheKeepsHitsAndMissesForTheirTimesAndThrottles() {
        MutableClock clock = new MutableClock();
        CachedExternalProducts cached = new CachedExternalProducts(off, Duration.ofHours(24), Duration.ofHours(1),
                Duration.ofSeconds(1), 100, clock);
        assertThat(cached.lookup("3017624010701")).isPresent();
        assertThat(cached.lookup("3017624010701")).as("cached").isPresent();
        assertThat(cached.upstreamCalls()).isEqualTo(1);

        assertThatThrownBy(() -> cached.lookup("5449000000996")).as("second upstream call within a second")
                .isInstanceOf(ExternalLookupException.class).hasMessageContaining("throttled");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.lookup("5449000000996")).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        assertThat(cached.lookup("5449000000996")).as("negative cache").isEmpty();
        assertThat(cached.upstreamCalls()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        assertThat(cached.lookup("5449000000996")).as("negative entry expired: asked again").isEmpty();
        assertThat(cached.upstreamCalls()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> cached.lookup("036000291452")).isInstanceOf(ExternalLookupException.class);
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> cached.lookup("036000291452")).as("failures are not cached")
                .isInstanceOf(ExternalLookupException.class).hasMessageContaining("429");
        assertThat(cached.upstreamCalls()).isEqualTo(5);

        clock.advance(Duration.ofHours(25));
        assertThat(cached.lookup("3017624010701")).isPresent();
        assertThat(cached.upstreamCalls()).as("hit expired after a day").isEqualTo(6);
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/product/3017624010701")));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
