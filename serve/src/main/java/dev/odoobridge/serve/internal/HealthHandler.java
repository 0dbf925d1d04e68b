package dev.odoobridge.serve.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health/live}: 200 while the process serves. {@code GET /health/ready}: 200 when every
 * readiness probe answers, else 503; the JSON names each check and what failed.
 */
public final class HealthHandler extends Handler.Abstract {
    private final Readiness readiness;

    /** Over these probes. */
    public HealthHandler(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/health/live") && !path.equals("/health/ready")) {
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            HttpAnswers.problem(response, callback, 405, null, "this route accepts GET");
            return true;
        }
        if (path.equals("/health/live")) {
            HttpAnswers.json(response, callback, 200, Map.of("status", "up"));
            return true;
        }
        Readiness.Result result = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.ready() ? "ready" : "not ready");
        body.put("checks", result.checks());
        body.put("failing", result.failing());
        HttpAnswers.json(response, callback, result.ready() ? 200 : 503, body);
        return true;
    }
}
