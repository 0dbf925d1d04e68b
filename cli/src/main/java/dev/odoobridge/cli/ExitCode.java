package dev.odoobridge.cli;

/**
 * The documented exit codes of {@code odoo-bridge}. Scripts and schedulers can rely on them.
 */
public enum ExitCode {
    /** Success. */
    OK(0, "success"),
    /** An unexpected error (a bug or an unclassified failure); run with -v for details. */
    FAILURE(1, "unexpected error"),
    /** Wrong command line: unknown option, missing argument. */
    USAGE(2, "usage error"),
    /** The configuration file is missing or invalid. */
    CONFIG(3, "configuration error"),
    /** An Odoo server could not be reached or answered with a transport error. */
    ODOO_UNREACHABLE(4, "Odoo unreachable"),
    /** Odoo refused the credentials. */
    AUTH_FAILED(5, "authentication failed"),
    /** Odoo refused an operation (access rights, validation, missing model...). */
    ODOO_ERROR(6, "Odoo refused the operation"),
    /** MongoDB could not be reached or failed. */
    MONGODB_UNAVAILABLE(7, "MongoDB unavailable"),
    /** PostgreSQL could not be reached or failed. */
    POSTGRES_UNAVAILABLE(8, "PostgreSQL unavailable"),
    /**
     * Something differs from what it should be: {@code sync verify} found drift between Odoo and MongoDB, a
     * {@code --check} report differs from Odoo, or {@code webhook status} found a rule missing, disabled, posting
     * elsewhere, outdated or unwanted.
     */
    DRIFT(10, "drift found"),
    /** Some of the work failed (e.g. some models of a sync), the rest succeeded. */
    PARTIAL(11, "partial failure"),
    /** A vendor link or OTP was refused (wrong, expired or used code, rate limit). */
    REJECTED(12, "request refused"),
    /** Interrupted (Ctrl-C / SIGTERM). */
    INTERRUPTED(130, "interrupted");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** Short description for the README and {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
