package dev.odoobridge.sync.faults;

import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.util.List;

/**
 * The child JVM that {@link ReceiverKillIT} kills: a webhook receiver (no processor) on the
 * test's PostgreSQL. Prints {@code PORT <n>} once listening, then serves until killed.
 * Arguments: JDBC URL, source, token.
 */
public final class ReceiverChildMain {
    private ReceiverChildMain() {
    }

    /** Runs until the process is killed. */
    public static void main(String[] args) throws Exception {
        StateDatabase db = StateDatabase.connect(args[0], "postgres", null);
        WebhookServer receiver = WebhookServer.builder(db).source(WebhookSource.of(args[1], args[2]))
                .models(List.of("res.partner")).build().start();
        System.out.println("PORT " + receiver.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
