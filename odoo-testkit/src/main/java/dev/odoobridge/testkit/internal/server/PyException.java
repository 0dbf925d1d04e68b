package dev.odoobridge.testkit.internal.server;

/** Carries a {@link PyError} out of the dispatch code to the endpoint that renders it. */
final class PyException extends Exception {
    private final PyError error;

    PyException(PyError error) {
        super(error.lastLine(), null, false, false);
        this.error = error;
    }

    PyError error() {
        return error;
    }
}
