package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syncing process is killed (SIGKILL, no shutdown hooks, no exception handling) at random
 * pages, several times in a row, with changes in Odoo in between; a final run in this JVM on the
 * same PostgreSQL and read model directories resumes and ends equal to Odoo.
 */
class CrashResumeIT {
    static final String SOURCE = "crashy";
    static final int PAGE_SIZE = 20;

    @Test
    void killedAtRandomPagesThenResumes(@TempDir Path dir) throws Exception {
        killedAtRandomPagesThenResumes(dir, 1, 5);
    }

    /** The same with three page reads at once: the first runs read every model by id ranges, and resume them. */
    @Test
    void killedAtRandomPagesOfParallelReadsThenResumes(@TempDir Path dir) throws Exception {
        killedAtRandomPagesThenResumes(dir, 3, 7);
    }

    private void killedAtRandomPagesThenResumes(Path dir, int readers, long seed) throws Exception {
        Path pg = dir.resolve("pg");
        Path mongo = dir.resolve("mongo");
        Random random = new Random(seed);
        List<String> kills = new ArrayList<>();
        try (FakeOdoo fake = FakeOdoo.builder().products(120).seed(23).build().start();
             OdooClient odoo = fake.client(Transport.JSON2)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                int killAt = 1 + random.nextInt(30);
                kills.add(runChildAndKill(pg, mongo, fake, killAt, readers));
                new Mutations(odoo, 300 + attempt).apply(15);
            }
            try (StateDatabase state = StateDatabase.embedded(pg);
                 ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(mongo).build())) {
                SyncEngine engine = World.engine(Map.of(SOURCE, odoo), readModel, state, "final", SyncListener.NONE).build();
                SyncReport report = engine.run(SyncRequest.incremental().withReconcile(true));
                for (int wait = 0; wait < 20 && report.models().stream().anyMatch(m -> m.outcome() == Outcome.SKIPPED); wait++) {
                    Thread.sleep(250); // the killed child's lease (2 s) has not expired yet
                    report = engine.run(SyncRequest.incremental().withReconcile(true));
                }
                assertThat(report.models()).noneMatch(m -> m.outcome() == Outcome.SKIPPED);
                assertThat(report.outcome()).as("final run after kills %s: %s", kills, report).isEqualTo(Outcome.OK);
                World.assertVerified(engine, SOURCE);
                World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);
                for (String model : World.MODELS) {
                    Checkpoint cp = state.stateStore().checkpoint(SOURCE, model).orElseThrow();
                    java.time.Instant newest = odoo.model(model).searchRead(dev.odoobridge.client.domain.Domains.all(),
                            List.of("write_date"), dev.odoobridge.client.SearchOptions.DEFAULT.order("write_date desc")
                                    .limit(1).includeArchived()).get(0).getInstant("write_date");
                    assertThat(cp.writeDate()).as("checkpoint of %s is Odoo's newest write_date", model).isEqualTo(newest);
                }
                for (String model : World.MODELS) {
                    assertThat(state.stateStore().scanProgress(SOURCE, model)).as("progress of %s's read by ids", model).isEmpty();
                }
                assertThat(state.stateStore().recentRuns(50)).as("the killed runs never recorded an end")
                        .filteredOn(r -> r.source().equals(SOURCE) && r.finishedAt() == null).isNotEmpty();
            }
        }
        System.out.println("crash-resume (" + readers + " reader(s)): killed at " + kills);
    }

    private static String runChildAndKill(Path pg, Path mongo, FakeOdoo fake, int killAt, int readers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashChildMain.class.getName(), pg.toString(), mongo.toString(), fake.url(), fake.database(),
                fake.apiKey("admin"), SOURCE, String.valueOf(PAGE_SIZE), String.valueOf(readers))
                .redirectErrorStream(true).start();
        String last = "no output";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PAGE ")) {
                    last = line;
                    if (Integer.parseInt(line.split(" ")[1]) >= killAt) {
                        child.destroyForcibly();
                        break;
                    }
                } else if (line.equals("DONE")) {
                    last = "finished before page " + killAt;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        }
        return last;
    }
}
