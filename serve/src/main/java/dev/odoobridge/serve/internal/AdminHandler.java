package dev.odoobridge.serve.internal;

import dev.odoobridge.serve.SyncRun;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.RunRecord;
import dev.odoobridge.sync.state.StateStore;
import dev.odoobridge.sync.state.StateStoreException;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.ReplayPlan;
import dev.odoobridge.sync.webhook.WebhookEvent;
import dev.odoobridge.sync.webhook.WebhookInbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The admin API under {@code /admin/}, behind {@code Authorization: Bearer <admin token>}
 * (compared in constant time; anything else is 401, whatever the path):
 * <ul>
 *   <li>{@code GET /admin/status}: checkpoints, lag and last run per (source, model); the schedule;</li>
 *   <li>{@code GET /admin/runs?limit=}: the run history of the state database (every process);</li>
 *   <li>{@code GET /admin/sync}, {@code GET /admin/sync/<id>}: this process's runs;
 *       {@code POST /admin/sync?mode=incremental|full&reconcile=&verify=&source=&model=}: queues a run
 *       and answers 202 with it;</li>
 *   <li>{@code GET /admin/inbox?id=&status=&source=&model=&since=&until=&limit=}: stored webhook
 *       events; {@code POST /admin/inbox/replay?<same filters>&dry-run=}: replays them.</li>
 * </ul>
 * Errors are {@code application/problem+json}; unknown routes 404, wrong methods 405 with {@code Allow}.
 */
public final class AdminHandler extends Handler.Abstract {
    private static final String PREFIX = "/admin";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminHandler.class);

    private final byte[] tokenHash;
    private final StateStore state;
    private final WebhookInbox inbox;
    private final SyncRuns runs;
    private final String leaseOwner;
    private final Clock clock;

    /** Over these collaborators; {@code runs} may be null when the process has no sync engine. */
    public AdminHandler(String adminToken, StateStore state, WebhookInbox inbox, SyncRuns runs, String leaseOwner,
                        Clock clock) {
        this.tokenHash = sha256(adminToken);
        this.state = state;
        this.inbox = inbox;
        this.runs = runs;
        this.leaseOwner = leaseOwner;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return false;
        }
        if (!authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"odoo-bridge admin\"");
            HttpAnswers.problem(response, callback, 401, null, "send the admin token as 'Authorization: Bearer <token>'");
            return true;
        }
        String route = path.substring(PREFIX.length());
        String method = request.getMethod();
        try {
            Fields params = Request.extractQueryParameters(request);
            switch (route) {
                case "/status" -> get(method, response, callback, () -> status());
                case "/runs" -> get(method, response, callback, () -> Map.of("runs",
                        state.recentRuns(limit(params, 50)).stream().map(AdminHandler::run).toList()));
                case "/sync" -> {
                    if ("POST".equals(method)) {
                        SyncRun run = requireRuns().trigger(syncRequest(params), bool(params, "verify"), "admin");
                        HttpAnswers.json(response, callback, 202, serveRun(run));
                    } else {
                        get(method, response, callback, "GET, POST",
                                () -> Map.of("runs", requireRuns().recent().stream().map(AdminHandler::serveRun).toList()));
                    }
                }
                case "/inbox" -> get(method, response, callback, () -> Map.of("events",
                        inbox.list(InboxQuery.filter(params), limit(params, 100)).stream().map(AdminHandler::event).toList()));
                case "/inbox/replay" -> {
                    if (!"POST".equals(method)) {
                        notAllowed(response, callback, "POST");
                    } else {
                        EventFilter filter = InboxQuery.filter(params);
                        ReplayPlan plan = inbox.replay(filter, bool(params, "dry-run"));
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("applied", plan.applied());
                        body.put("count", plan.size());
                        body.put("events", plan.events().stream().map(AdminHandler::event).toList());
                        HttpAnswers.json(response, callback, 200, body);
                    }
                }
                default -> {
                    if (route.startsWith("/sync/")) {
                        long id = parseId(route.substring("/sync/".length()));
                        get(method, response, callback, () -> requireRuns().get(id).map(AdminHandler::serveRun)
                                .orElseThrow(() -> new NotFound("no run " + id + " among this process's recent runs")));
                    } else {
                        HttpAnswers.problem(response, callback, 404, null, "no admin route " + route
                                + "; see /admin/status, /admin/runs, /admin/sync, /admin/inbox, /admin/inbox/replay");
                    }
                }
            }
        } catch (NotFound e) {
            HttpAnswers.problem(response, callback, 404, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            HttpAnswers.problem(response, callback, 400, null, e.getMessage());
        } catch (StateStoreException e) {
            HttpAnswers.problem(response, callback, 503, null, "the state database could not answer: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("admin request {} {} failed", method, route, e);
            HttpAnswers.problem(response, callback, 500, null, "the request failed: " + e);
        }
        return true;
    }

    private interface Body {
        Object get();
    }

    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    private static void get(String method, Response response, Callback callback, Body body) {
        get(method, response, callback, "GET", body);
    }

    private static void get(String method, Response response, Callback callback, String allow, Body body) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            notAllowed(response, callback, allow);
            return;
        }
        HttpAnswers.json(response, callback, 200, body.get());
    }

    private static void notAllowed(Response response, Callback callback, String allow) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        HttpAnswers.problem(response, callback, 405, null, "this route accepts " + allow);
    }

    private SyncRuns requireRuns() {
        if (runs == null) {
            throw new NotFound("this process runs no syncs");
        }
        return runs;
    }

    private boolean authorized(String header) {
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        return MessageDigest.isEqual(sha256(given), tokenHash);
    }

    private Map<String, Object> status() {
        Instant now = clock.instant();
        Map<String, RunRecord> lastRuns = new LinkedHashMap<>();
        for (RunRecord r : state.recentRuns(500)) {
            lastRuns.putIfAbsent(r.source() + "|" + r.model(), r);
        }
        Map<String, List<Map<String, Object>>> bySource = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Checkpoint c : state.checkpoints()) {
            String key = c.source() + "|" + c.model();
            seen.add(key);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", c.model());
            m.put("checkpoint", Map.of("writeDate", c.writeDate().toString(), "lastId", c.lastId(),
                    "updatedAt", c.updatedAt().toString()));
            m.put("lagSeconds", Math.max(0, Duration.between(c.writeDate(), now).toSeconds()));
            m.put("lastRun", lastRuns.containsKey(key) ? run(lastRuns.get(key)) : null);
            bySource.computeIfAbsent(c.source(), s -> new ArrayList<>()).add(m);
        }
        lastRuns.forEach((key, r) -> {
            if (!seen.contains(key)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model());
                m.put("checkpoint", null);
                m.put("lagSeconds", null);
                m.put("lastRun", run(r));
                bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(m);
            }
        });
        List<Map<String, Object>> sources = new ArrayList<>();
        bySource.forEach((source, models) -> sources.add(Map.of("source", source, "models", models)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", now.toString());
        body.put("leaseOwner", leaseOwner);
        body.put("sources", sources);
        if (runs != null) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("incrementalEvery", runs.schedule().incremental().map(Duration::toString).orElse(null));
            schedule.put("reconcile", runs.schedule().reconcileAt().map(Object::toString).orElse(null));
            schedule.put("nextIncremental", runs.nextIncremental().map(Instant::toString).orElse(null));
            schedule.put("nextReconcile", runs.nextReconcile().map(Instant::toString).orElse(null));
            body.put("schedule", schedule);
            body.put("lastServeRun", runs.recent().stream().findFirst().map(AdminHandler::serveRun).orElse(null));
        }
        body.put("inboxPending", inbox.list(EventFilter.all().statuses(EventStatus.PENDING), 10_000).size());
        return body;
    }

    private static SyncRequest syncRequest(Fields params) {
        String mode = params.getValue("mode");
        SyncRequest r = mode == null || mode.equalsIgnoreCase("incremental") ? SyncRequest.incremental()
                : mode.equalsIgnoreCase("full") ? SyncRequest.full() : null;
        if (r == null) {
            throw new IllegalArgumentException("mode: must be incremental or full, was '" + mode + "'");
        }
        String reconcile = params.getValue("reconcile");
        if (reconcile != null) {
            r = r.withReconcile(bool(params, "reconcile"));
        }
        List<String> sources = InboxQuery.list(params, "source");
        List<String> models = InboxQuery.list(params, "model");
        return new SyncRequest(Set.copyOf(sources), Set.copyOf(models), r.mode(),
                r.reconcile());
    }

    private static boolean bool(Fields params, String name) {
        String v = params.getValue(name);
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1")) {
            return v != null;
        }
        if (v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException(name + ": must be true or false, was '" + v + "'");
    }

    private static int limit(Fields params, int dflt) {
        String v = params.getValue("limit");
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("limit: must be a whole number within 1..10000, was '" + v + "'");
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("no run '" + text + "'");
        }
    }

    private static Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("source", r.source());
        m.put("model", r.model());
        m.put("kind", r.kind());
        m.put("startedAt", str(r.startedAt()));
        m.put("finishedAt", str(r.finishedAt()));
        m.put("outcome", r.outcome());
        m.put("error", r.error());
        if (r.counts() != null) {
            m.put("read", r.counts().read());
            m.put("written", r.counts().written());
            m.put("deleted", r.counts().deleted());
        }
        return m;
    }

    static Map<String, Object> serveRun(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("trigger", r.trigger());
        m.put("mode", r.mode());
        m.put("reconcile", r.reconcile());
        m.put("verify", r.verify());
        m.put("state", r.state());
        m.put("queuedAt", str(r.queuedAt()));
        m.put("startedAt", str(r.startedAt()));
        m.put("finishedAt", str(r.finishedAt()));
        m.put("outcome", r.outcome());
        m.put("models", r.models());
        m.put("error", r.error());
        return m;
    }

    private static Map<String, Object> event(WebhookEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("source", e.source());
        m.put("model", e.model());
        m.put("recordId", e.recordId());
        m.put("action", e.action());
        m.put("status", e.status().name().toLowerCase(Locale.ROOT));
        m.put("receivedAt", str(e.receivedAt()));
        m.put("attempts", e.attempts());
        m.put("nextAttemptAt", str(e.nextAttemptAt()));
        m.put("lastError", e.lastError());
        m.put("processedAt", str(e.processedAt()));
        return m;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
