package dev.odoobridge.readmodel;

import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process of {@link SharedDataDirectoryIT}: runs the embedded PostgreSQL and store on the given
 * directories, writes a checkpoint and 150 products, prints {@code READY}, and closes both cleanly when its
 * standard input ends. Arguments: PostgreSQL data directory, store data directory.
 */
public final class DataDirectoryOwnerMain {
    private DataDirectoryOwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (StateDatabase state = StateDatabase.embedded(Path.of(args[0]));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(Path.of(args[1])).build())) {
            state.stateStore().saveCheckpoint(new Checkpoint("owner", "product.product",
                    Instant.parse("2026-11-21T19:35:15Z"), 150, Instant.parse("2026-11-21T19:36:00Z")));
            readModel.projector().apply("crash", "product.product", StoreWriterMain.page(0, 0, false), Instant.now());
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
