package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process owning the file-backed embedded store is killed (SIGKILL) while it writes, several
 * times; on reopening, every write that was acknowledged before the kill is there, the unique
 * {@code _id} index agrees with the documents (each stored document is found by id, each id the
 * index holds has its document), and every id accepts new versions again.
 */
class EmbeddedStoreCrashIT {
    @TempDir
    Path dir;

    @Test
    void killedWhileWritingReopensConsistentAndKeepsAcknowledgedWrites() throws Exception {
        Random random = new Random(11);
        int round = 1;
        List<String> kills = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            int killAfter = 1 + random.nextInt(12);
            int[] acknowledged = runAndKill(round, killAfter);
            kills.add(acknowledged[0] + "/" + acknowledged[1]);
            try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
                assertConsistent(model, acknowledged, kills);
            }
            round = acknowledged[0] + 1;
        }
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            StoreWriterMain.stockLocation(model);
            for (int page = 0; page < StoreWriterMain.IDS / StoreWriterMain.PAGE; page++) {
                ApplyResult products = model.projector().apply("crash", "product.product",
                        StoreWriterMain.page(round, page, false), Instant.now());
                ApplyResult quants = model.projector().apply("crash", "stock.quant",
                        StoreWriterMain.page(round, page, true), Instant.now());
                assertThat(products.written()).as("products of page %d after kills %s", page, kills).isEqualTo(StoreWriterMain.PAGE);
                assertThat(quants.written()).as("quants of page %d after kills %s", page, kills).isEqualTo(StoreWriterMain.PAGE);
            }
            int finalRound = round;
            for (long id = 1; id <= StoreWriterMain.IDS; id++) {
                assertThat(model.stock().product("crash", id)).as("stock of product %d", id).get()
                        .satisfies(s -> assertThat(s.onHand()).isEqualTo((double) finalRound));
            }
        }
    }

    /** Every id the store counts can be found, and the last acknowledged page of each model is stored. */
    private static void assertConsistent(ReadModel model, int[] acknowledged, List<String> kills) {
        Projector projector = model.projector();
        for (String m : List.of("product.product", "stock.quant")) {
            var ids = projector.ids("crash", m, 1, StoreWriterMain.IDS);
            assertThat(projector.count("crash", m, 1, StoreWriterMain.IDS)).as("%s count after kills %s", m, kills)
                    .isEqualTo(ids.size());
            for (long id : ids) {
                assertThat(projector.find("crash", m, id)).as("%s %d after kills %s", m, id, kills).isPresent();
            }
            if (acknowledged[0] > 0) {
                long lastId = (long) (acknowledged[1] + 1) * StoreWriterMain.PAGE;
                Map<String, Object> doc = projector.find("crash", m, lastId).orElseThrow(
                        () -> new AssertionError(m + " " + lastId + " acknowledged but lost after kills " + kills));
                Instant acknowledgedVersion = LocalDateTime.parse(StoreWriterMain.writeDate(acknowledged[0]).replace(' ', 'T'))
                        .toInstant(ZoneOffset.UTC);
                assertThat((Instant) doc.get("write_date"))
                        .as("%s %d keeps the version acknowledged in round %d after kills %s", m, lastId, acknowledged[0], kills)
                        .isAfterOrEqualTo(acknowledgedVersion);
            }
        }
    }

    /** Runs the writer from {@code round}, kills it after {@code killAfter} acknowledged pages; returns the last (round, page) acknowledged. */
    private int[] runAndKill(int round, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreWriterMain.class.getName(), dir.toString(), String.valueOf(round)).redirectErrorStream(true).start();
        int[] last = {0, -1};
        int pages = 0;
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("APPLIED ")) {
                    String[] parts = line.split(" ");
                    last = new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
                    if (++pages >= killAfter) {
                        child.destroyForcibly();
                        break;
                    }
                } else if (other.length() < 4000) {
                    other.append(line).append('\n');
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("writer ended").isTrue();
        }
        assertThat(pages).as("writer applied pages before the kill; it printed:%n%s", other).isGreaterThanOrEqualTo(killAfter);
        return last;
    }
}
