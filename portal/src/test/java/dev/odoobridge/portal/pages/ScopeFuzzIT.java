package dev.odoobridge.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route and parameter with hostile values (other vendors' products and shops, huge, negative and non-numeric
 * ids, traversal, markup, control characters, long strings): only 4xx pages, never a 500, never another vendor's data.
 */
class ScopeFuzzIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PortalFixture f;

    /** Values already percent-encoded where needed, so each is exactly one path segment or query value. */
    private static final List<String> HOSTILE = List.of("0", "-1", "99999999999999999999", "9223372036854775807",
            "9223372036854775808", "1e3", "0x1f", "1.0", "+1", "%201", "abc", "%00", "%01", "%2e%2e", "..", ".",
            "%2F", "%5C", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%3E%3Csvg%3E",
            "'%20OR%201%3D1--", "%E2%80%AE", "%C0%AF", "%ZZ", "x".repeat(3000), "hidden", "nowhere", "NORTH",
            "north%20", "north%00", "north.csv.exe", "31", "41", "4");

    /** Hostile elsewhere, but fine quantities (a space or + around a number is trimmed). */
    private static final List<String> VALID_QUANTITIES = List.of("1.0", "+1", "%201", "31", "41", "4");

    @BeforeAll
    static void start() throws Exception {
        f = new PortalFixture();
        f.gate.signIn(PortalFixture.ACME);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static HttpResponse<String> send(String method, String path, String form) throws Exception {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(f.server.base + path));
        } catch (IllegalArgumentException e) {
            return null; // not even a URI a browser could send
        }
        if (method.equals("POST")) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException first) {
            // Jetty closes the connection after refusing a malformed request line; the client may have reused it
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("no answer to " + method + " " + path + " " + (form == null ? ""
                    : form.substring(0, Math.min(200, form.length()))), e);
        }
    }

    private static void refused(String method, String path, String form) throws Exception {
        HttpResponse<String> r = send(method, path, form);
        if (r == null) {
            return;
        }
        assertThat(r.statusCode()).as(method + " " + path.substring(0, Math.min(path.length(), 120)))
                .isBetween(400, 499);
        clean(r, path);
    }

    private static void clean(HttpResponse<String> r, String path) {
        assertThat(r.body()).as(path.substring(0, Math.min(path.length(), 120)))
                .doesNotContain("rival soap", "hidden shop item", "Rival Goods", "Exception", "\tat ");
    }

    @Test
    void productIdsAndShopsOutsideTheScope() throws Exception {
        List<String> sources = new ArrayList<>(HOSTILE);
        sources.addAll(List.of("north", "south"));
        for (String source : sources) {
            for (String id : HOSTILE) {
                refused("GET", "/product/" + source + "/" + id, null);
            }
        }
        // the rival's product in a shop both are linked to: not found, like an unknown one
        refused("GET", "/product/north/31", null);
        refused("GET", "/product/north/" + f.ids.get("secret"), null);
        refused("GET", "/product/hidden/41", null);
    }

    @Test
    void exportsRestockAndProposalsOutsideTheScope() throws Exception {
        String post = "csrf=" + TestGate.CSRF + "&token=0123456789abcdef0123456789abcdef&qty_"
                + f.ids.get("juice") + "=1";
        for (String v : HOSTILE) {
            refused("GET", "/export/" + v + "/csv", null);
            refused("GET", "/export/north/" + v, null);
            refused("GET", "/export/" + v, null);
            refused("GET", "/export/" + v + ".json", null);
            refused("GET", "/restock/" + v, null);
            refused("POST", "/restock/" + v, post);
            refused("GET", "/proposals/north/" + v, null);
            refused("GET", "/proposals/" + v + "/1", null);
            if (!VALID_QUANTITIES.contains(v)) {
                refused("POST", "/restock/north", "csrf=" + TestGate.CSRF
                        + "&token=0123456789abcdef0123456789abcdef&qty_" + f.ids.get("juice") + "=" + v);
            }
            refused("POST", "/restock/north", "csrf=" + TestGate.CSRF + "&token=" + v + "&qty_" + f.ids.get("juice")
                    + "=1");
            refused("POST", "/restock/north", "csrf=" + TestGate.CSRF + "&token=0123456789abcdef0123456789abcdef&qty_"
                    + v + "=1");
        }
        // a huge form
        refused("POST", "/restock/north", "csrf=" + TestGate.CSRF + "&x=" + "y".repeat(300_000));
        // methods a route does not answer
        refused("POST", "/dashboard", "csrf=" + TestGate.CSRF);
        refused("POST", "/export/north/csv", "csrf=" + TestGate.CSRF);
        refused("POST", "/proposals", "csrf=" + TestGate.CSRF);
        assertThat(f.odoo.model("purchase.order").searchRead(dev.odoobridge.client.domain.Domains.eq("partner_id",
                f.acme), List.of("name"))).isEmpty();
    }

    @Test
    void dashboardParameters() throws Exception {
        for (String name : List.of("status", "shop", "sort", "dir", "page")) {
            for (String v : HOSTILE) {
                refused("GET", "/dashboard?" + name + "=" + v, null);
            }
        }
        for (String v : HOSTILE) {
            HttpResponse<String> r = send("GET", "/dashboard?q=" + v, null);
            if (r == null) {
                continue;
            }
            assertThat(r.statusCode()).as("q=" + v.substring(0, Math.min(v.length(), 80))).isIn(200, 400);
            clean(r, "q=" + v);
            assertThat(r.body()).doesNotContain("<script>alert", "\"><svg>");
        }
    }

    @Test
    void staticNames() throws Exception {
        for (String v : HOSTILE) {
            refused("GET", "/static/" + v, null);
            refused("GET", "/static/" + v + ".css", null);
        }
        for (String v : List.of("..%2F..%2Fpages%2FStaticAssets.class", "%2e%2e%2fportal.css", "portal.css%2F",
                "portal.css.", "portal%2Ecss%00", ".portal.css", "portal.css~")) {
            refused("GET", "/static/" + v, null);
        }
    }
}
