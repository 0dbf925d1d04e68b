package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.WebhookTrigger;
import dev.odoobridge.testkit.internal.orm.ChangeEvent;
import dev.odoobridge.testkit.internal.orm.ChangeListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts base_automation-style "Send Webhook Notification" bodies for ORM changes: sorted keys
 * {@code _action}, {@code _id}, {@code _model}, {@code id} and the rule's fields; only
 * {@code Content-Type: application/json} and the usual client headers; no signature; fire and
 * forget with a 1 s timeout from a background executor. Thread-safe.
 */
public final class WebhookDispatcher implements ChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** One automation rule. */
    public record Rule(int id, String name, String model, WebhookTrigger trigger, URI url, List<String> fields) {
        public Rule {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(model, "model == null");
            Objects.requireNonNull(trigger, "trigger == null");
            Objects.requireNonNull(url, "url == null");
            fields = List.copyOf(fields);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final ExecutorService executor;
    private final HttpClient client;
    private final PythonJson json = new PythonJson();
    private volatile int copies = 1;

    /** A dispatcher with its own small posting pool. */
    public WebhookDispatcher() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-odoo-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Adds a rule and returns it (with its id). */
    public Rule add(String name, String model, WebhookTrigger trigger, URI url, List<String> fields) {
        Rule rule = new Rule(nextId.getAndIncrement(), name, model, trigger, url, fields);
        rules.add(rule);
        return rule;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** Each post is sent this many times (Odoo often repeats identical posts). */
    public void copies(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1: " + copies);
        }
        this.copies = copies;
    }

    /** Posts completed (any answer, or a failure) since start. */
    public int sent() {
        return sent.get();
    }

    @Override
    public void onChange(ChangeEvent event) {
        try {
            for (Rule rule : rules) {
                if (rule.model().equals(event.model()) && rule.trigger().matches(event.action())) {
                    String body = json.toString(body(rule, event));
                    for (int i = 0; i < copies; i++) {
                        post(rule.url(), body);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook for {}({}) {} not posted: {}", event.model(), event.id(), event.action(), e.toString());
        }
    }

    /** The body Odoo would post for {@code event} under {@code rule}. */
    static Map<String, Object> body(Rule rule, ChangeEvent event) {
        Map<String, Object> body = new TreeMap<>();
        body.put("_action", rule.name() + "(#" + rule.id() + ")");
        body.put("_id", event.id());
        body.put("_model", event.model());
        body.put("id", event.id());
        for (String field : rule.fields()) {
            Object v = event.values().get(field);
            body.put(field, v == null ? Boolean.FALSE : v);
        }
        return body;
    }

    private void post(URI url, String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "python-requests/2.28.1")
                .header("Accept", "*/*")
                .header("Accept-Encoding", "gzip, deflate")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        pending.incrementAndGet();
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    LOG.debug("webhook post to {} failed: {}", url, failure.toString());
                }
                sent.incrementAndGet();
                done();
            });
        } catch (RuntimeException e) {
            done();
            LOG.debug("webhook post to {} not sent: {}", url, e.toString());
        }
    }

    private void done() {
        if (pending.decrementAndGet() == 0) {
            synchronized (pending) {
                pending.notifyAll();
            }
        }
    }

    /** Waits until every post handed over so far has completed; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pending) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(pending, left);
            }
        }
        return true;
    }

    /** The rules, in creation order. */
    public List<Rule> rules() {
        return new ArrayList<>(rules);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
