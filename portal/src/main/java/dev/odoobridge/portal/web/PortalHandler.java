package dev.odoobridge.portal.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal as one Jetty handler: security headers on every answer, the route for method and path (404 / 405),
 * the session ({@link Gate#resolve}), sign-in required unless public, CSRF checked on every POST, and clear error
 * pages for {@link PortalException}s (anything else: a 500 page that says nothing of the cause).
 */
public final class PortalHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(PortalHandler.class);

    private final Router router;
    private final Gate gate;
    private final Templates templates;

    /**
     * @param modules the page modules whose routes are served
     * @param gate sessions and CSRF
     * @param templates the page templates
     */
    public PortalHandler(List<PageModule> modules, Gate gate, Templates templates) {
        this.router = new Router();
        modules.forEach(m -> m.register(router));
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.templates = Objects.requireNonNull(templates, "templates == null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        SecurityHeaders.apply(response);
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Optional<Router.Match> match = router.match(method, path);
        Exchange probe = new Exchange(request, response, callback, templates, Map.of(), null);
        try {
            if (match.isEmpty()) {
                if (router.knowsPath(path)) {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
                    throw new PortalException(405, "This page does not answer " + method + ".");
                }
                throw PortalException.notFound();
            }
            Router.Match m = match.get();
            SignedIn who = gate.resolve(probe).orElse(null);
            Exchange exchange = new Exchange(request, response, callback, templates, m.params(), who);
            if (m.access() == Router.Access.SIGNED_IN && who == null) {
                if (method.equals("GET")) {
                    exchange.redirect("/signin");
                    return true;
                }
                throw new PortalException(401, "Your session has ended. Sign in again.");
            }
            if (method.equals("POST")) {
                gate.checkCsrf(exchange);
            }
            m.route().handle(exchange);
            if (!exchange.answered()) {
                throw new IllegalStateException("route " + method + " " + m.template() + " did not answer");
            }
        } catch (PortalException e) {
            if (!probe.answered()) {
                errorPage(request, response, callback, e.status(), e.getMessage());
            }
        } catch (Exception e) {
            LOG.error("portal route {} {} failed", method, path, e);
            if (!response.isCommitted()) {
                errorPage(request, response, callback, 500, "Something went wrong on our side. Try again in a moment.");
            } else {
                callback.failed(e);
            }
        }
        return true;
    }

    private void errorPage(Request request, Response response, Callback callback, int status, String message) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response committed before the error page"));
            return;
        }
        Exchange errorExchange = new Exchange(request, response, callback, templates, Map.of(), null);
        errorExchange.page(status, "error.jte", Map.of("frame", errorExchange.frame("Error " + status), "status", status,
                "message", message));
    }
}
