package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.OdooRelease;
import java.util.LinkedHashMap;
import java.util.Map;

/** The version FakeOdoo reports: the played release, final. */
final class ServerVersionInfo {
    private ServerVersionInfo() {
    }

    /** {@code common.version}. */
    static Map<String, Object> commonVersion(OdooRelease release) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server_version", release.version());
        m.put("server_version_info", release.versionInfo());
        m.put("server_serie", release.version());
        m.put("protocol_version", 1);
        return m;
    }

    /** {@code GET /web/version} (19.0 and later). */
    static Map<String, Object> webVersion(OdooRelease release) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version_info", release.versionInfo());
        m.put("version", release.version());
        return m;
    }
}
