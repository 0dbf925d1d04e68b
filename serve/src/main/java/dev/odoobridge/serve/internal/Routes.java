package dev.odoobridge.serve.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The serve process's routing: fixed handlers tried in order (each declines paths it does not own
 * by returning false), then handlers mounted by path prefix (longest first; a prefix {@code /metrics}
 * owns {@code /metrics} and {@code /metrics/...}); what nobody handles gets a 404 problem.
 */
public final class Routes extends Handler.Abstract {
    /** A handler owning a path prefix. */
    public record Mount(String prefix, Handler handler) {
        boolean owns(String path) {
            String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return path.equals(p) || path.startsWith(p + "/");
        }
    }

    private final List<Handler> fixed;
    private final List<Mount> mounts;

    /** Over these handlers and mounts. */
    public Routes(List<Handler> fixed, List<Mount> mounts) {
        this.fixed = List.copyOf(fixed);
        List<Mount> sorted = new ArrayList<>(mounts);
        sorted.sort(Comparator.comparingInt((Mount m) -> m.prefix().length()).reversed());
        this.mounts = List.copyOf(sorted);
        fixed.forEach(this::addBean);
        mounts.forEach(m -> addBean(m.handler()));
    }

    @Override
    public void setServer(org.eclipse.jetty.server.Server server) {
        super.setServer(server);
        fixed.forEach(h -> h.setServer(server));
        mounts.forEach(m -> m.handler().setServer(server));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        for (Handler h : fixed) {
            if (h.handle(request, response, callback)) {
                return true;
            }
        }
        String path = Request.getPathInContext(request);
        for (Mount m : mounts) {
            if (m.owns(path)) {
                if (m.handler().handle(request, response, callback)) {
                    return true;
                }
                break;
            }
        }
        HttpAnswers.problem(response, callback, 404, null, "no route " + path);
        return true;
    }
}
