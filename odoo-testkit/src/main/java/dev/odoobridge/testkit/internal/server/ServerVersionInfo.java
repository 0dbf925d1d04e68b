package dev.odoobridge.testkit.internal.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The version FakeOdoo reports: Odoo 19.0 final. */
final class ServerVersionInfo {
    static final List<Object> VERSION_INFO = List.of(19, 0, 0, "final", 0, "");

    private ServerVersionInfo() {
    }

    /** {@code common.version}. */
    static Map<String, Object> commonVersion() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server_version", "19.0");
        m.put("server_version_info", VERSION_INFO);
        m.put("server_serie", "19.0");
        m.put("protocol_version", 1);
        return m;
    }

    /** {@code GET /web/version}. */
    static Map<String, Object> webVersion() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version_info", VERSION_INFO);
        m.put("version", "19.0");
        return m;
    }
}
