package dev.odoobridge.sync.it;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child process of {@link CrashResumeIT}: opens the embedded PostgreSQL and the file-backed
 * embedded read model in the given directories, syncs from the FakeOdoo at the given URL and
 * prints {@code PAGE <n>} after each applied page, so the parent can kill it at a page.
 * Arguments: state dir, read model dir, Odoo URL, database, API key, source, page size, page readers.
 */
public final class CrashChildMain {
    private CrashChildMain() {
    }

    public static void main(String[] args) {
        AtomicInteger pages = new AtomicInteger();
        try (StateDatabase state = StateDatabase.embedded(Path.of(args[0]));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(Path.of(args[1])).build());
             OdooClient odoo = OdooClients.create(OdooConfig.builder().url(args[2]).database(args[3]).login("admin")
                     .secret(args[4]).transport(Transport.JSON2).build())) {
            SyncListener progress = new SyncListener() {
                @Override
                public void pageApplied(String source, String model, int records, ApplyResult result) {
                    System.out.println("PAGE " + pages.incrementAndGet() + " " + model);
                    System.out.flush();
                }
            };
            System.out.println("STARTED");
            System.out.flush();
            World.engine(Map.of(args[5], odoo), readModel, state, "child-" + ProcessHandle.current().pid(), progress)
                    .pageSize(Integer.parseInt(args[6])).parallelism(1).readers(Integer.parseInt(args[7]))
                    .lease("child-" + ProcessHandle.current().pid(), java.time.Duration.ofSeconds(2)).build()
                    .run(SyncRequest.incremental().withReconcile(true));
            System.out.println("DONE");
            System.out.flush();
        }
    }
}
