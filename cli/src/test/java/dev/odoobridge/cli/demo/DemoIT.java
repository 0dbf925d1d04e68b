package dev.odoobridge.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code odoo-bridge demo} end to end in-process and checks what it printed and wrote. */
class DemoIT {

    @Test
    void demoRunsEndToEndAndWritesParseableExports(@TempDir Path dir) throws Exception {
        Path exports = dir.resolve("vendor-exports");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("demo", "--dir", dir.resolve("demo").toString(), "--out", exports.toString(), "--no-progress");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(out);
        System.out.printf("odoo-bridge demo took %.1f s in-process%n", millis / 1000.0);

        assertThat(code).as("exit code; stderr:%n%s", err).isZero();
        String text = out.toString();
        assertThat(text).contains("Full sync of", "records synced", "product.product", "stock.quant")
                .contains("reached MongoDB through the webhook", "the deletion reached MongoDB")
                .contains("in real life the vendor reads the code from their inbox")
                .contains("linked: ", "Summary", "odoo-bridge check")
                .doesNotContain("Exception");
        assertThat(text).containsPattern("webhooks +[1-9][0-9]* events received, [1-9][0-9]* applied");
        assertThat(text).containsPattern("before: .*on hand (\\d+)");

        List<Path> files;
        try (Stream<Path> s = Files.list(exports)) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.endsWith(".csv")).anyMatch(n -> n.endsWith(".json")).anyMatch(n -> n.endsWith(".html"));
        Path csv = only(files, ".csv");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.size()).isGreaterThan(1);
        int columns = lines.get(0).split(",", -1).length;
        assertThat(lines.get(1).split(",", -1).length).isGreaterThanOrEqualTo(columns);
        JsonNode json = new ObjectMapper().readTree(only(files, ".json").toFile());
        assertThat(json.isContainerNode()).isTrue();
        assertThat(json.toString()).contains(lines.get(1).split(",", -1)[0].replace("\"", ""));
        String html = Files.readString(only(files, ".html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("</html>");
        assertThat(dir.resolve("demo").resolve(DemoDirectory.MARKER)).exists();
    }

    private static Path only(List<Path> files, String suffix) {
        return files.stream().filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
}
