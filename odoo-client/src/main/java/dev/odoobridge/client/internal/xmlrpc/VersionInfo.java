package dev.odoobridge.client.internal.xmlrpc;

import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import java.util.List;
import java.util.Map;

/** Reads the struct of {@code common.version()} into a {@link ServerVersion}. */
final class VersionInfo {
    private VersionInfo() {
    }

    /**
     * Parses e.g. {@code {server_version: "19.0", server_version_info: [19, 0, 0, "final", 0, ""],
     * protocol_version: 1}}.
     */
    static ServerVersion parse(Map<?, ?> struct) {
        if (!(struct.get("server_version") instanceof String serverVersion)) {
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, 200,
                    "common.version answered without server_version; is the url an Odoo server?", null);
        }
        int major = 0;
        int minor = 0;
        String releaseLevel = "final";
        if (struct.get("server_version_info") instanceof List<?> info) {
            major = info.size() > 0 && info.get(0) instanceof Number n ? n.intValue() : leadingNumber(serverVersion, 0);
            minor = info.size() > 1 && info.get(1) instanceof Number n ? n.intValue() : leadingNumber(serverVersion, 1);
            if (info.size() > 3 && info.get(3) instanceof String level) {
                releaseLevel = level;
            }
        } else {
            major = leadingNumber(serverVersion, 0);
            minor = leadingNumber(serverVersion, 1);
        }
        int protocol = struct.get("protocol_version") instanceof Number n ? n.intValue() : 1;
        return new ServerVersion(serverVersion, major, minor, releaseLevel, protocol);
    }

    /** The n-th number in strings like "19.0" or "saas~18.4"; 0 when absent. */
    private static int leadingNumber(String version, int index) {
        String[] parts = version.replaceAll("[^0-9.]", "").split("\\.");
        if (index < parts.length && !parts[index].isEmpty()) {
            try {
                return Integer.parseInt(parts[index]);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
