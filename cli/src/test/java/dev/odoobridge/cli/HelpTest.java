package dev.odoobridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command's --help renders with a description; failures without config are clear. */
class HelpTest {
    @Test
    void everyCommandHasHelp() {
        List<String[]> paths = new ArrayList<>();
        collect(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), paths);
        assertThat(paths.size()).isGreaterThan(15);
        for (String[] path : paths) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = new String[path.length + 1];
            System.arraycopy(path, 0, args, 0, path.length);
            args[path.length] = "--help";
            int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            String name = String.join(" ", path);
            assertThat(code).as(name + ": " + err).isZero();
            assertThat(out.toString()).as(name).contains("Usage: odoo-bridge" + (name.isEmpty() ? "" : " " + name));
            if (!name.equals("generate-completion")) {
                assertThat(out.toString()).as(name).contains("--config").contains("-h, --help");
            }
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<String[]> out) {
        out.add(prefix.toArray(String[]::new));
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(prefix);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }

    @Test
    void missingConfigIsAConfigError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("sync", "status", "--config", dir.resolve("nope.yaml").toString());
        assertThat(code).isEqualTo(ExitCode.CONFIG.code());
        assertThat(err.toString()).contains("file not found").doesNotContain("\tat ");
    }

    @Test
    void badConfigNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(file, "sources:\n  shop:\n    url: ftp://x\n    database: d\n    login: l\n"
                + "    secret: s\nsync:\n  page-sise: 3\n");
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("check", "--config", file.toString());
        assertThat(code).isEqualTo(ExitCode.CONFIG.code());
        assertThat(err.toString()).contains("line 3").contains("line 8").contains("page-size");
    }

    @Test
    void groupWithoutSubcommandIsUsageError() {
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true)).execute("sync");
        assertThat(code).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("missing command");
    }
}
