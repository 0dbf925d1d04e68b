package dev.odoobridge.portal.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the portal's pages, with every variable part encoded. */
public final class Links {
    private Links() {
    }

    /** One path segment, percent-encoded (spaces as {@code %20}, never {@code +}). */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One query value, form-encoded. */
    public static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A product's page. */
    public static String product(String base, String source, long productId) {
        return base + "/product/" + segment(source) + "/" + productId;
    }

    /** A shop's restock proposal form. */
    public static String restock(String base, String source) {
        return base + "/restock/" + segment(source);
    }

    /** A shop's export in a format (csv, json, html). */
    public static String export(String base, String source, String extension) {
        return base + "/export/" + segment(source) + "/" + extension;
    }
}
