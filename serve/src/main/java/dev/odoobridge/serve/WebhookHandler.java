package dev.odoobridge.serve;

import dev.odoobridge.access.RefusedBodies;
import dev.odoobridge.serve.internal.HttpAnswers;
import dev.odoobridge.sync.webhook.WebhookAnswer;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookPost;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty handler receiving Odoo's webhook posts at {@code /webhook/<source>/<token>} (path in
 * context) through a {@link WebhookIntake}: every check, the body limit and the durable insert happen
 * there, before the answer is written. Any other path under {@code /webhook/} gets the same 404 as a
 * wrong token; paths outside it are not handled (the handler returns false). Mount it in your own
 * Jetty server, or use {@link WebhookServer} or {@link Serve}.
 */
public final class WebhookHandler extends Handler.Abstract {
    private final WebhookIntake intake;

    /** A handler over this intake. */
    public WebhookHandler(WebhookIntake intake) {
        this.intake = Objects.requireNonNull(intake, "intake == null");
    }

    /** The intake answering the posts. */
    public WebhookIntake intake() {
        return intake;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(WebhookIntake.PATH_PREFIX) && !path.equals("/webhook")) {
            return false;
        }
        WebhookAnswer answer = intake.receive(post(request, path));
        if (answer.status() >= 400 && !answer.headers().containsKey("Connection")) {
            // refused before (or without) reading the whole body: read the rest so the connection stays usable
            RefusedBodies.drain(request, RefusedBodies.DEFAULT_MAX_BYTES);
        }
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.getHeaders().put(h.getKey(), h.getValue());
        }
        HttpAnswers.write(response, callback, answer.status(), WebhookAnswer.CONTENT_TYPE, answer.body());
        return true;
    }

    private static WebhookPost post(Request request, String path) {
        String source = null;
        String token = null;
        String rest = path.length() > WebhookIntake.PATH_PREFIX.length() ? path.substring(WebhookIntake.PATH_PREFIX.length()) : "";
        int slash = rest.indexOf('/');
        if (slash > 0 && rest.indexOf('/', slash + 1) < 0) {
            source = rest.substring(0, slash);
            token = rest.substring(slash + 1);
        }
        HttpField length = request.getHeaders().getField(HttpHeader.CONTENT_LENGTH);
        OptionalLong declared = OptionalLong.empty();
        boolean malformed = false;
        if (length != null) {
            try {
                declared = OptionalLong.of(Long.parseLong(length.getValue().trim()));
            } catch (NumberFormatException e) {
                malformed = true;
            }
        }
        return new WebhookPost(source, token, request.getMethod(), name -> request.getHeaders().get(name), declared,
                malformed, limit -> {
                    try (InputStream in = Content.Source.asInputStream(request)) {
                        return in.readNBytes(limit + 1);
                    }
                });
    }
}
