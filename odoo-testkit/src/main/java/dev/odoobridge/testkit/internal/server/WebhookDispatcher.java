package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.WebhookPost;
import dev.odoobridge.testkit.internal.orm.WebhookSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the bodies of "Send Webhook Notification" server actions the way Odoo's python-requests does: only
 * {@code Content-Type: application/json} and the usual client headers, no signature, Python JSON separators, a
 * 1 s timeout, no retry; a failure only goes to the log. Thread-safe.
 */
public final class WebhookDispatcher implements WebhookSender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
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

    /** Posts that failed (refused, timed out, or answered with a status other than 2xx) since start; never retried. */
    public int failed() {
        return failed.get();
    }

    @Override
    public void send(List<WebhookPost> posts, boolean awaitAnswers) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (WebhookPost post : posts) {
            String body;
            try {
                body = json.toString(post.body());
            } catch (RuntimeException e) {
                LOG.warn("webhook body for {} not posted: {}", post.url(), e.toString());
                continue;
            }
            for (int i = 0; i < copies; i++) {
                CompletableFuture<?> f = post(post.url(), body);
                if (f != null) {
                    inFlight.add(f);
                }
            }
        }
        if (awaitAnswers && !inFlight.isEmpty()) {
            try {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("webhook posts not all answered in time: {}", e.toString());
            }
        }
    }

    private CompletableFuture<?> post(URI url, String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "python-requests/2.28.1")
                .header("Accept", "*/*")
                .header("Accept-Encoding", "gzip, deflate")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        pending.incrementAndGet();
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    failed.incrementAndGet();
                    LOG.debug("webhook post to {} failed: {}", url, failure.toString());
                } else if (response.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                    LOG.debug("webhook post to {} answered {}", url, response.statusCode());
                }
                sent.incrementAndGet();
                done();
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            done();
            LOG.debug("webhook post to {} not sent: {}", url, e.toString());
            return null;
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
