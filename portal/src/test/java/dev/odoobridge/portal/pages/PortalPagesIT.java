package dev.odoobridge.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard, product page and static assets in a browser without JavaScript. */
class PortalPagesIT {
    private static PortalFixture f;
    private WebClient web;

    @BeforeAll
    static void start() throws Exception {
        f = new PortalFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @BeforeEach
    void browser() {
        f.gate.signIn(PortalFixture.ACME);
        web = PortalServer.browser();
    }

    private HtmlPage page(String path) throws Exception {
        return web.getPage(f.server.base + path);
    }

    private static List<String> names(HtmlPage page) {
        HtmlTable table = page.getFirstByXPath("//table[caption[starts-with(@id,'products')]]");
        return table.getBodies().get(0).getRows().stream().map(r -> r.getCell(1).asNormalizedText()).toList();
    }

    @Test
    void dashboardListsTheVendorsProductsOfEveryLinkedShopAndNothingElse() throws Exception {
        HtmlPage page = page("/dashboard");
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        String text = page.asNormalizedText();
        assertThat(text).contains("Urgent 2", "Moderate 1", "Healthy " + (1 + PortalFixture.BULK))
                .contains("Apple juice", "Apple cider").doesNotContain("SECRET");
        // urgent first by default, badges say their status in words
        assertThat(names(page).subList(0, 2)).containsExactly("Apple juice", "Apple cider");
        DomElement badge = page.getFirstByXPath("//tbody/tr[1]/td/span[contains(@class,'badge')]");
        assertThat(badge.getAttribute("class")).isEqualTo("badge urgent");
        assertThat(badge.asNormalizedText()).isEqualTo("Urgent");
        // escaped, not markup
        assertThat(page.getWebResponse().getContentAsString()).contains("Cherry jam &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>bold</b>");
        // the sorted column says so
        DomElement sorted = page.getFirstByXPath("//th[@aria-sort]");
        assertThat(sorted.getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(sorted.asNormalizedText()).isEqualTo("Status");
        assertThat((Object) page.getFirstByXPath("//caption")).isNotNull();
    }

    @Test
    void searchFilterAndSortThroughThePlainForm() throws Exception {
        HtmlPage page = page("/dashboard");
        HtmlForm form = page.getFirstByXPath("//form[@role='search']");
        form.getInputByName("q").setValue("apple");
        ((HtmlSelect) form.getSelectByName("sort")).setSelectedAttribute("name", true);
        ((HtmlSelect) form.getSelectByName("dir")).setSelectedAttribute("desc", true);
        HtmlPage result = form.getFirstByXPath(".//button[@type='submit']") instanceof DomElement b
                ? ((org.htmlunit.html.HtmlButton) b).click() : null;
        assertThat(result.getUrl().getQuery()).contains("q=apple", "sort=name", "dir=desc");
        assertThat(names(result)).containsExactly("Apple juice", "Apple cider");

        assertThat(names(page("/dashboard?q=AJ-1"))).containsExactly("Apple juice");
        assertThat(names(page("/dashboard?q=4000000000021"))).containsExactly("Apple cider");
        assertThat(names(page("/dashboard?status=moderate"))).containsExactly("Banana chips");
        assertThat(names(page("/dashboard?shop=north&sort=on_hand&dir=desc")))
                .containsExactly("Cherry jam <b>bold</b>", "Banana chips", "Apple juice");
        HtmlPage byCover = page("/dashboard?shop=north&sort=cover");
        assertThat(names(byCover)).containsExactly("Apple juice", "Banana chips", "Cherry jam <b>bold</b>");
        DomElement sorted = byCover.getFirstByXPath("//th[@aria-sort]");
        assertThat(sorted.asNormalizedText()).isEqualTo("Days of cover");
        // the header link toggles the direction and keeps the filters
        assertThat(sorted.getFirstElementChild().getAttribute("href")).contains("shop=north", "sort=cover", "dir=desc");
        HtmlPage none = page("/dashboard?q=nothing-like-this");
        assertThat(none.asNormalizedText()).contains("No product matches");
    }

    @Test
    void bigListsArePaged() throws Exception {
        HtmlPage first = page("/dashboard?shop=south&sort=name");
        assertThat(names(first)).hasSize(DashboardView.PAGE_SIZE);
        assertThat(first.asNormalizedText()).contains("Page 1 of 2");
        HtmlPage second = first.getAnchorByText("Next page").click();
        assertThat(names(second)).hasSize(PortalFixture.BULK + 1 - DashboardView.PAGE_SIZE);
        assertThat(second.getUrl().getQuery()).contains("page=2", "shop=south");
        assertThat(page("/dashboard?shop=south&page=3").getWebResponse().getStatusCode()).isEqualTo(400);
    }

    @Test
    void unknownFilterValuesAreA400PageNotACrash() throws Exception {
        for (String q : List.of("status=lost", "shop=hidden", "shop=nowhere", "sort=password", "dir=sideways",
                "page=0", "page=-1", "page=abc", "page=99999999999", "q=" + "x".repeat(300), "sort=", "status=URGENT")) {
            HtmlPage page = page("/dashboard?" + q);
            if (q.equals("sort=")) {
                assertThat(page.getWebResponse().getStatusCode()).as(q).isEqualTo(200);
                continue;
            }
            assertThat(page.getWebResponse().getStatusCode()).as(q).isEqualTo(400);
            assertThat(page.asNormalizedText()).as(q).contains("That did not work").doesNotContain("SECRET");
        }
    }

    @Test
    void aVendorWithoutLinksIsSentToLinkAShop() throws Exception {
        f.gate.signIn(PortalFixture.NEW);
        HtmlPage page = page("/dashboard");
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.asNormalizedText()).contains("No shop linked yet");
        assertThat(page.getAnchorByText("Link a shop").getHrefAttribute()).isEqualTo("/portal/links");
    }

    @Test
    void productPageHasTheChartItsDataTheForecastAndTheLots() throws Exception {
        HtmlPage page = page("/product/north/11");
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        String html = page.getWebResponse().getContentAsString();
        assertThat(html).contains("class=\"chart trend-chart\"", "<title id=\"chart-title\">Sales and stock of Apple juice",
                "<desc id=\"chart-desc\">");
        DomElement details = page.getFirstByXPath("//details");
        HtmlTable trend = details.getFirstByXPath(".//table");
        assertThat(trend.getBodies().get(0).getRows()).hasSize(120);
        HtmlTableRow last = trend.getBodies().get(0).getRows().get(119);
        assertThat(last.getCell(0).asNormalizedText()).isEqualTo(FakeVendorData.TODAY.toString());
        String text = page.asNormalizedText();
        assertThat(text).contains("Moving average", "Daily demand", "Days of cover", "Stockout date",
                "LOT-<1>", "Expired");
        assertThat(html).doesNotContain("LOT-<1>");
    }

    @Test
    void anotherVendorsProductLooksExactlyLikeAnUnknownOne() throws Exception {
        Page rival = page("/product/north/31");
        Page unknown = page("/product/north/999999");
        Page otherShop = page("/product/hidden/41");
        assertThat(rival.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(otherShop.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(rival.getWebResponse().getContentAsString())
                .isEqualTo(unknown.getWebResponse().getContentAsString())
                .isEqualTo(otherShop.getWebResponse().getContentAsString())
                .doesNotContain("SECRET");
        // and the rival sees it
        f.gate.signIn(PortalFixture.RIVAL);
        assertThat(page("/product/north/31").asNormalizedText()).contains("SECRET rival soap");
    }

    @Test
    void theStylesheetIsServedPubliclyWithCachingAndAnEtag() throws Exception {
        f.gate.signIn(null);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(f.server.base + "/static/portal.css"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("cache-control")).hasValue("public, max-age=3600");
        assertThat(css.body()).contains("prefers-color-scheme: dark", ".badge.urgent", ".skip");
        String etag = css.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(f.server.base + "/static/portal.css"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        for (String bad : List.of("nothing.css", "..%2Fweb%2FRouter.class", "..%2F..%2Fportal.css", "%2E%2E",
                "portal.css%00.png", "PORTAL.CSS", "portal.jte", "layout.jte", "..", "a%5Cb.css")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(f.server.base + "/static/" + bad))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(bad).isBetween(400, 404);
        }
    }

    @Test
    void signedOutVendorsAreSentToSignIn() throws Exception {
        f.gate.signIn(null);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(f.server.base + "/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue("/portal/signin");
    }
}
