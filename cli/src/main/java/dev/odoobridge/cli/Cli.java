package dev.odoobridge.cli;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;

/** Builds the command line with its output streams, so tests can capture stdout and stderr. */
public final class Cli {
    private Cli() {
    }

    /** A ready-to-execute command line writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(out, "out == null");
        Objects.requireNonNull(err, "err == null");
        OdooBridgeCli root = new OdooBridgeCli();
        CommandFactory factory = new CommandFactory(out, err, root.global);
        CommandLine cl = new CommandLine(root, factory);
        Commands.register(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parseResult -> {
            Logging.configure(root.global.verbosity(), root.global.logFormat());
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                factory.context().close();
                out.flush();
                err.flush();
            }
        });
        cl.setExecutionExceptionHandler(new FailureMapper(root.global));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("error: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, e)) {
                e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return ExitCode.USAGE.code();
        });
        return cl;
    }
}
