package dev.odoobridge.cli;

import dev.odoobridge.cli.config.ConfigException;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.OdooTransportException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The one place where exceptions become exit codes and user-facing messages, by exception type:
 * each library reports its failures in its own exceptions (the client's {@code OdooException}s,
 * {@code ReadModelException}, {@code StateStoreException}, ...). Expected failures print one clear
 * paragraph; the stack trace only with {@code -v}.
 */
public final class FailureMapper implements CommandLine.IExecutionExceptionHandler {
    private final GlobalOptions options;

    /** A mapper printing stack traces according to the options' verbosity. */
    public FailureMapper(GlobalOptions options) {
        this.options = options;
    }

    @Override
    /** Prints the failure and returns its exit code. */
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        Mapped m = map(ex);
        PrintWriter err = cmd.getErr();
        err.println("error: " + m.message());
        if (m.hint() != null) {
            err.println("hint: " + m.hint());
        }
        if (options.verbosity() > 0 || m.code() == ExitCode.FAILURE) {
            if (m.code() == ExitCode.FAILURE && options.verbosity() == 0) {
                err.println("(this looks like a bug; the details follow — please report them)");
            }
            ex.printStackTrace(err);
        }
        err.flush();
        return m.code().code();
    }

    /** Maps a failure to its exit code, message and hint. */
    public static Mapped map(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            Mapped m = mapKnown(t);
            if (m != null) {
                return m;
            }
        }
        return mapOther(ex);
    }

    private static Mapped mapKnown(Throwable ex) {
        if (ex instanceof CliFailure f) {
            return new Mapped(f.exitCode(), f.getMessage(), null);
        }
        if (ex instanceof ConfigException c) {
            return new Mapped(ExitCode.CONFIG, c.getMessage(), "see the configuration reference in README.md");
        }
        if (ex instanceof AccessDeniedException a) {
            return new Mapped(ExitCode.AUTH_FAILED, a.getMessage(),
                    "check login and secret (password or API key) and the database name of the source");
        }
        if (ex instanceof OdooTransportException t) {
            return new Mapped(ExitCode.ODOO_UNREACHABLE, "cannot talk to Odoo: " + t.getMessage(),
                    "check the source's url, that Odoo is running and reachable from here (`odoo-bridge check`)");
        }
        if (ex instanceof dev.odoobridge.client.error.UnknownModelException u) {
            return new Mapped(ExitCode.ODOO_ERROR, "Odoo does not know the model: " + u.getMessage(),
                    "check the model name (`odoo-bridge models list`) and that its module is installed");
        }
        if (ex instanceof dev.odoobridge.sync.schema.SchemaException sc) {
            return sc.kind() == dev.odoobridge.sync.schema.SchemaException.Kind.UNKNOWN_CONFIGURED_FIELD
                    ? new Mapped(ExitCode.CONFIG, sc.getMessage(), "see sync.extra-fields in README.md")
                    : new Mapped(ExitCode.ODOO_ERROR, sc.getMessage(), "`odoo-bridge check` lists what each source offers");
        }
        if (ex instanceof dev.odoobridge.vendors.VendorLinkException v) {
            return new Mapped(ExitCode.REJECTED, v.getMessage(), v.retryAfter().map(t -> "retry after " + t)
                    .orElse("request a new code with `odoo-bridge vendor link` if this one is expired or used"));
        }
        if (ex instanceof dev.odoobridge.sync.state.StateStoreException st) {
            return new Mapped(ExitCode.POSTGRES_UNAVAILABLE, "PostgreSQL failed: " + firstLine(st),
                    "check postgres.url / user / password, or remove them to use the embedded server");
        }
        if (ex instanceof dev.odoobridge.readmodel.ReadModelException rm) {
            return new Mapped(ExitCode.MONGODB_UNAVAILABLE, "MongoDB failed: " + firstLine(rm),
                    "check mongodb.uri in the configuration, or remove it to use the embedded store");
        }
        if (ex instanceof OdooServerException s) {
            return new Mapped(ExitCode.ODOO_ERROR, "Odoo refused: " + s.getMessage(), null);
        }
        if (ex instanceof InterruptedException) {
            return new Mapped(ExitCode.INTERRUPTED, "interrupted", null);
        }
        return null;
    }

    private static Mapped mapOther(Throwable ex) {
        if (ex instanceof UncheckedIOException io) {
            return new Mapped(ExitCode.FAILURE, "I/O error: " + io.getCause().getMessage(), null);
        }
        return new Mapped(ExitCode.FAILURE, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A mapped failure. */
    public record Mapped(ExitCode code, String message, String hint) {
    }
}
