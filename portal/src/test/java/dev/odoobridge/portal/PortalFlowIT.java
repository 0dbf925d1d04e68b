package dev.odoobridge.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vendor in a browser (HtmlUnit, no JavaScript): sign in with a mailed code, link a shop, unlink, sign out. */
class PortalFlowIT {
    private static PortalHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = PortalHarness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void nextDay() {
        h.clock.advance(Duration.ofHours(25));
    }

    private static WebClient browser() {
        WebClient web = new WebClient();
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return web;
    }

    private static HtmlForm form(HtmlPage page, String action) {
        return page.getForms().stream().filter(f -> f.getActionAttribute().endsWith(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no form posting to " + action + " in " + page.asXml()));
    }

    private static HtmlPage submit(HtmlForm form) throws IOException {
        HtmlButton button = form.getFirstByXPath(".//button[@type='submit']");
        return button.click();
    }

    private static HtmlPage signIn(WebClient web, String typed, String email) throws IOException {
        HtmlPage signin = web.getPage(h.base + "/links");
        assertThat(signin.getUrl().getPath()).isEqualTo("/portal/signin");
        HtmlForm f = form(signin, "/signin");
        f.getInputByName("email").setValue(typed);
        HtmlPage code = submit(f);
        assertThat(code.getUrl().getPath()).isEqualTo("/portal/signin/code");
        HtmlForm c = form(code, "/signin/code");
        c.getInputByName("code").setValue(h.lastCodeTo(email));
        return submit(c);
    }

    @Test
    void signInLinkUnlinkAndSignOut() throws Exception {
        try (WebClient web = browser()) {
            HtmlPage dashboard = signIn(web, "  Orders@Acme.EXAMPLE ", PortalHarness.ACME_EMAIL);
            assertThat(dashboard.getUrl().getPath()).isEqualTo("/portal/dashboard");
            assertThat(dashboard.getElementById("who").getTextContent()).isEqualTo(PortalHarness.ACME_EMAIL);

            HtmlPage links = web.getPage(h.base + "/links");
            assertThat(links.asNormalizedText()).contains("You are not linked to any shop yet");
            HtmlForm request = form(links, "/links/request");
            request.getSelectByName("source").setSelectedAttribute(PortalHarness.SOURCE, true);
            request.getInputByName("partner").setValue(String.valueOf(h.acme));
            int mailsBefore = h.mailsTo(PortalHarness.ACME_EMAIL).size();
            HtmlPage sent = submit(request);
            assertThat(sent.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(sent.asNormalizedText()).contains("A code went to o***@acme.example");
            assertThat(h.mailsTo(PortalHarness.ACME_EMAIL)).hasSize(mailsBefore + 1);

            HtmlForm confirm = form(sent, "/links/confirm");
            confirm.getInputByName("code").setValue(h.lastCodeTo(PortalHarness.ACME_EMAIL));
            HtmlPage linked = submit(confirm);
            assertThat(linked.asNormalizedText()).contains("Linked to partner " + h.acme + " of shop");
            assertThat((Object) linked.getFirstByXPath("//table//td[text()='" + h.acme + "']")).isNotNull();

            HtmlPage unlinked = submit(form(linked, "/links/unlink"));
            assertThat(unlinked.asNormalizedText()).contains("Unlinked from partner " + h.acme)
                    .contains("You are not linked to any shop yet");

            HtmlPage out = submit(form(unlinked, "/signout"));
            assertThat(out.getUrl().getPath()).isEqualTo("/portal/signin");
            HtmlPage again = web.getPage(h.base + "/links");
            assertThat(again.getUrl().getPath()).isEqualTo("/portal/signin");
        }
        assertThat(h.auditOf(PortalHarness.ACME_EMAIL))
                .containsSubsequence("signout", "unlinked", "linked", "link_requested", "signin");
    }

    @Test
    void linksAPartnerNamedByEmailWithTheCodeSentToTheShop() throws Exception {
        try (WebClient web = browser()) {
            signIn(web, PortalHarness.BETA_EMAIL, PortalHarness.BETA_EMAIL);
            HtmlPage links = web.getPage(h.base + "/links");
            HtmlForm request = form(links, "/links/request");
            request.getInputByName("partner").setValue("SALES@beta.example");
            HtmlRadioButtonInput shop = request.getFirstByXPath(".//input[@name='delivery' and @value='shop']");
            shop.setChecked(true);
            int toShop = h.mailsTo("shop@shop.example").size();
            HtmlPage sent = submit(request);
            assertThat(sent.asNormalizedText()).contains("A code went to s***@shop.example");
            assertThat(h.mailsTo("shop@shop.example")).hasSize(toShop + 1);
            HtmlForm confirm = form(sent, "/links/confirm");
            confirm.getInputByName("code").setValue(h.lastCodeTo("shop@shop.example"));
            HtmlPage linked = submit(confirm);
            assertThat(linked.asNormalizedText()).contains("Linked to partner " + h.beta + " of shop");
        }
    }

    @Test
    void anUnknownAddressGetsTheSamePageAndNoMail() throws Exception {
        int mails = h.fake.sentMails().size();
        try (WebClient web = browser()) {
            HtmlPage signin = web.getPage(h.base + "/signin");
            HtmlForm f = form(signin, "/signin");
            f.getInputByName("email").setValue(PortalHarness.CUSTOMER_EMAIL);
            HtmlPage customer = submit(f);
            HtmlPage signin2 = web.getPage(h.base + "/signin");
            HtmlForm f2 = form(signin2, "/signin");
            f2.getInputByName("email").setValue("nobody@nowhere.example");
            HtmlPage nobody = submit(f2);
            assertThat(customer.getWebResponse().getStatusCode()).isEqualTo(nobody.getWebResponse().getStatusCode())
                    .isEqualTo(200);
            assertThat(customer.asNormalizedText().replace(PortalHarness.CUSTOMER_EMAIL, "X"))
                    .isEqualTo(nobody.asNormalizedText().replace("nobody@nowhere.example", "X"));
        }
        assertThat(h.fake.sentMails()).hasSize(mails);
    }
}
