package dev.odoobridge.api.internal;

/** A request the API refuses: rendered as {@code application/problem+json} with this status. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;

    ApiError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request", detail);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, "Forbidden", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "Not Found", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
