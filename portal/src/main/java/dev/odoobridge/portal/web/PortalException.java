package dev.odoobridge.portal.web;

/**
 * A request the portal refuses, with the status and a message safe to show the vendor (never data of another
 * vendor, never a stack trace).
 */
public final class PortalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status HTTP status (4xx for the caller's mistakes)
     * @param message what went wrong and what to do, shown on the error page
     */
    public PortalException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** 404 with a generic message: used for anything outside the vendor's links as well, so nothing leaks. */
    public static PortalException notFound() {
        return new PortalException(404, "There is no such page, or it is not one of yours.");
    }

    /** 400 with the message. */
    public static PortalException badRequest(String message) {
        return new PortalException(400, message);
    }
}
