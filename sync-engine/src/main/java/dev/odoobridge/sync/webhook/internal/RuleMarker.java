package dev.odoobridge.sync.webhook.internal;

import java.net.URI;
import java.util.Objects;

/**
 * How odoo-bridge recognises its own rules in Odoo and shows their URLs. A rule is ours for a source when its name
 * starts with {@value #PREFIX} (the full name is {@code "odoo-bridge: <model> <trigger>"}) and none of its webhook
 * actions posts to another source's receiver path {@code /webhook/<other source>/}: several sources (or a staging
 * and a production bridge) may share one Odoo database, each owning only the rules posting to its own path. A rule
 * named otherwise is never ours, whatever it posts to. Tokens are never shown whole.
 */
public final class RuleMarker {
    /** The name prefix of every rule odoo-bridge creates. */
    public static final String PREFIX = "odoo-bridge: ";
    private static final String PATH = "/webhook/";

    private final String source;
    private final String token;

    /** The marker of {@code source}, whose receiver token is {@code token} (for masking). */
    public RuleMarker(String source, String token) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.token = Objects.requireNonNull(token, "token == null");
    }

    /** The name of our rule for {@code model} and {@code trigger}. */
    public static String name(String model, String trigger) {
        return PREFIX + model + " " + trigger;
    }

    /** Whether {@code rule} is one of ours. */
    public boolean owns(FoundRule rule) {
        if (!rule.name().startsWith(PREFIX)) {
            return false;
        }
        for (FoundRule.FoundAction action : rule.webhooks()) {
            String other = pathSource(action.url());
            if (other != null && !other.equals(source)) {
                return false;
            }
        }
        return true;
    }

    /** The URL with every token masked: our token wherever it appears, and the segment after the source's path. */
    public String mask(String url) {
        if (url == null || url.isEmpty()) {
            return "";
        }
        String out = url.replace(token, maskSecret(token));
        int at = out.indexOf(PATH);
        if (at >= 0) {
            int sourceEnd = out.indexOf('/', at + PATH.length());
            if (sourceEnd > 0 && sourceEnd + 1 < out.length()) {
                int end = out.length();
                for (char c : new char[] {'?', '#', '/'}) {
                    int i = out.indexOf(c, sourceEnd + 1);
                    if (i > 0 && i < end) {
                        end = i;
                    }
                }
                String secret = out.substring(sourceEnd + 1, end);
                if (!secret.contains("****")) {
                    out = out.substring(0, sourceEnd + 1) + maskSecret(secret) + out.substring(end);
                }
            }
        }
        return out;
    }

    /** A secret shown as its first four and last two characters (all hidden when it is short). */
    public static String maskSecret(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****" + secret.substring(secret.length() - 2);
    }

    /** The source named in a {@code /webhook/<source>/...} URL path, or null for another kind of URL. */
    static String pathSource(String url) {
        String path;
        try {
            path = URI.create(url.trim()).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        int at = path.indexOf(PATH);
        if (at < 0) {
            return null;
        }
        int end = path.indexOf('/', at + PATH.length());
        return end < 0 ? null : path.substring(at + PATH.length(), end);
    }
}
