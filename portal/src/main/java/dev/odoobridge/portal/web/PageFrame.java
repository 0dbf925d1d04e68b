package dev.odoobridge.portal.web;

/**
 * What every page's frame (the layout template) shows around its content.
 *
 * @param base the path the portal is mounted at, without a trailing slash (e.g. {@code /portal}); links are built on it
 * @param title the page title
 * @param vendor the signed-in vendor's email, or null on sign-in pages
 * @param csrf the session's CSRF token for the frame's forms (sign out), or null when signed out
 */
public record PageFrame(String base, String title, String vendor, String csrf) {
}
