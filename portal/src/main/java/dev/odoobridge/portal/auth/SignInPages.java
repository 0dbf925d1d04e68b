package dev.odoobridge.portal.auth;

import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.portal.web.SignedIn;
import dev.odoobridge.vendors.VendorStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Sign-in and sign-out pages: {@code GET/POST /signin} (the address), {@code GET/POST /signin/code} (the code),
 * {@code POST /signout}, {@code /} (to the dashboard or the sign-in page), and with OIDC configured
 * {@code GET /signin/oidc} plus its callback. Audits {@code signin}, {@code signin_failed} and {@code signout}.
 */
public final class SignInPages implements PageModule {
    private final SessionGate gate;
    private final CodeSignIn codes;
    private final Optional<OidcSignIn> oidc;
    private final VendorStore audit;
    private final Clock clock;

    /**
     * @param gate sessions and CSRF
     * @param codes sign-in with a code
     * @param oidc sign-in with an identity provider, when configured
     * @param audit where sign-ins are recorded
     * @param clock time of the audit events
     */
    public SignInPages(SessionGate gate, CodeSignIn codes, Optional<OidcSignIn> oidc, VendorStore audit, Clock clock) {
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.codes = Objects.requireNonNull(codes, "codes == null");
        this.oidc = Objects.requireNonNull(oidc, "oidc == null");
        this.audit = Objects.requireNonNull(audit, "audit == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void register(Router router) {
        router.add("GET", "/", Router.Access.PUBLIC, e -> e.redirect(e.signedIn().isPresent() ? "/dashboard" : "/signin"));
        router.add("GET", "/signin", Router.Access.PUBLIC, this::signInPage);
        router.add("POST", "/signin", Router.Access.PUBLIC, this::askCode);
        router.add("GET", "/signin/code", Router.Access.PUBLIC, this::codePage);
        router.add("POST", "/signin/code", Router.Access.PUBLIC, this::enterCode);
        router.post("/signout", this::signOut);
        oidc.ifPresent(o -> {
            router.add("GET", "/signin/oidc", Router.Access.PUBLIC, e -> o.start(e, gate));
            router.add("GET", o.redirectPath(), Router.Access.PUBLIC, this::oidcCallback);
        });
    }

    private void signInPage(Exchange e) {
        if (e.signedIn().isPresent()) {
            e.redirect("/dashboard");
            return;
        }
        signInForm(e, 200, "", null);
    }

    private void signInForm(Exchange e, int status, String email, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("frame", e.frame("Sign in"));
        p.put("csrf", gate.publicFormToken(e));
        p.put("email", email);
        p.put("error", error);
        p.put("oidc", oidc.isPresent());
        e.page(status, "signin.jte", p);
    }

    private void askCode(Exchange e) {
        String email = e.form("email").orElse("");
        String address;
        try {
            address = codes.request(email, Request.getRemoteAddr(e.request()));
        } catch (SignInException x) {
            signInForm(e, x.reason() == SignInException.Reason.RATE_LIMITED ? 429 : 400, email, x.getMessage());
            return;
        }
        e.redirect("/signin/code?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
    }

    private void codePage(Exchange e) {
        String email = e.query("email").orElse("");
        try {
            email = CodeSignIn.normalize(email);
        } catch (SignInException x) {
            e.redirect("/signin");
            return;
        }
        codeForm(e, 200, email, null);
    }

    private void codeForm(Exchange e, int status, String email, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("frame", e.frame("Enter your code"));
        p.put("csrf", gate.publicFormToken(e));
        p.put("email", email);
        p.put("error", error);
        e.page(status, "signin-code.jte", p);
    }

    private void enterCode(Exchange e) {
        String email = e.form("email").orElse("");
        String vendor;
        try {
            vendor = codes.confirm(email, e.form("code").orElse(""));
        } catch (SignInException x) {
            if (x.reason() != SignInException.Reason.INVALID_EMAIL) {
                audit.audit(email.strip().toLowerCase(java.util.Locale.ROOT), null, null, "signin_failed",
                        x.reason().name(), clock.instant());
            }
            codeForm(e, 400, email, x.getMessage());
            return;
        }
        gate.signIn(e, vendor, "code");
        audit.audit(vendor, null, null, "signin", "code", clock.instant());
        e.redirect("/dashboard");
    }

    private void signOut(Exchange e) {
        SignedIn who = e.vendor();
        gate.signOut(e, who);
        audit.audit(who.vendor(), null, null, "signout", null, clock.instant());
        e.redirect("/signin");
    }

    private void oidcCallback(Exchange e) {
        OidcSignIn o = oidc.orElseThrow();
        String vendor;
        try {
            vendor = o.finish(e, gate);
        } catch (SignInException x) {
            audit.audit("(oidc)", null, null, "signin_failed",
                    "oidc: " + x.getMessage(), clock.instant());
            signInForm(e, 403, "", "Signing in with your identity provider did not work: " + x.getMessage());
            return;
        }
        gate.signIn(e, vendor, "oidc");
        audit.audit(vendor, null, null, "signin", "oidc", clock.instant());
        e.redirect("/dashboard");
    }
}
