package dev.odoobridge.client;

import java.util.Objects;

/**
 * What {@code common.version()} / {@code /web/version} report.
 *
 * @param serverVersion e.g. {@code "19.0"} or {@code "saas~18.4"}
 * @param major major version, e.g. 19
 * @param minor minor version, e.g. 0
 * @param releaseLevel e.g. {@code "final"}
 * @param protocolVersion the RPC protocol version (1 on every current Odoo)
 */
public record ServerVersion(String serverVersion, int major, int minor, String releaseLevel, int protocolVersion) {
    public ServerVersion {
        Objects.requireNonNull(serverVersion, "serverVersion == null");
        Objects.requireNonNull(releaseLevel, "releaseLevel == null");
    }

    /** True when the server speaks JSON-2 ({@code /json/2}, Odoo 19 and later). */
    public boolean supportsJson2() {
        return major >= 19;
    }
}
