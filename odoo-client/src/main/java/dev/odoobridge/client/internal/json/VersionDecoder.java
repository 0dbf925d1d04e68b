package dev.odoobridge.client.internal.json;

import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.OdooTransportException;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ServerVersion} from either answer shape: {@code common.version}
 * ({@code server_version}, {@code server_version_info}, {@code protocol_version}) or
 * {@code GET /web/version} ({@code version}, {@code version_info}).
 */
final class VersionDecoder {
    private VersionDecoder() {
    }

    static ServerVersion decode(Object raw, String source) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw malformed(source, "expected an object");
        }
        Object text = map.containsKey("server_version") ? map.get("server_version") : map.get("version");
        Object info = map.containsKey("server_version_info") ? map.get("server_version_info") : map.get("version_info");
        if (!(text instanceof String version) || !(info instanceof List<?> parts) || parts.size() < 2
                || !(parts.get(0) instanceof Number major) || !(parts.get(1) instanceof Number minor)) {
            throw malformed(source, "expected version and version_info [major, minor, ...]");
        }
        String level = parts.size() > 3 && parts.get(3) instanceof String s ? s : "final";
        int protocol = map.get("protocol_version") instanceof Number n ? n.intValue() : 1;
        return new ServerVersion(version, major.intValue(), minor.intValue(), level, protocol);
    }

    private static OdooTransportException malformed(String source, String detail) {
        return new OdooTransportException(OdooTransportException.Kind.MALFORMED_RESPONSE, 0,
                "unexpected version answer from " + source + ": " + detail, null);
    }
}
