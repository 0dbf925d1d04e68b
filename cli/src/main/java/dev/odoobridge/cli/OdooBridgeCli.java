package dev.odoobridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code odoo-bridge} root command and the process entry point. */
@Command(name = "odoo-bridge", mixinStandardHelpOptions = true, versionProvider = OdooBridgeCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Odoo as the single write source of truth; MongoDB as a read model that never drifts.",
            "Start with `odoo-bridge demo` (nothing to install), then write an odoo-bridge.yaml."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 success, 1 unexpected error, 2 usage error, 3 configuration error,",
            "  4 Odoo unreachable, 5 authentication failed, 6 Odoo refused the operation,",
            "  7 MongoDB unavailable, 8 PostgreSQL unavailable, 10 drift found,",
            "  11 partial failure, 12 request refused (OTP, rate limit), 130 interrupted."
        })
public final class OdooBridgeCli implements Runnable {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Entry point. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Cli.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Reads the version from the build-time properties file. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = OdooBridgeCli.class.getResourceAsStream("/odoo-bridge-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"odoo-bridge " + p.getProperty("version", "dev"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
