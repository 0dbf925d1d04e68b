package dev.odoobridge.sync.state;

import java.nio.file.Path;
import java.time.Instant;

/** Child process for {@link KilledOwnerIT}: opens the embedded database, stores a checkpoint, then waits to be killed. */
public final class KilledOwnerMain {
    private KilledOwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        StateDatabase db = StateDatabase.embedded(Path.of(args[0]));
        db.stateStore().saveCheckpoint(new Checkpoint("shop", "stock.quant", Instant.parse("2026-11-21T19:35:15Z"), 48,
                Instant.parse("2026-11-21T19:36:00Z")));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
