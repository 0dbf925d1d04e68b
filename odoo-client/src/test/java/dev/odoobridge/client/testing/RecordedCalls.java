package dev.odoobridge.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ORM calls recorded against real Odoo servers, with their shapes: {@code conformance/<version>/}
 * (17.0, 18.0, 19.0: from each call's {@code .meta.json}) and {@code project-calls/19.0/} (from the
 * request bodies odoo-bridge sent). Only object-service calls ({@code execute_kw}) and JSON-2 model
 * calls are kept.
 */
public final class RecordedCalls {
    /** The versions of the conformance corpus. */
    public static final List<String> VERSIONS = List.of("17.0", "18.0", "19.0");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROJECT_CALL = Pattern.compile("^\\d+-(xmlrpc|jsonrpc|json2)-(.+)\\.meta\\.json$");
    private static final Pattern JSON2_PATH = Pattern.compile("^/json/2/([^/]+)/([^/]+)$");
    private static volatile List<RecordedCall> all;

    private RecordedCalls() {
    }

    /** Every recorded ORM call of both corpora. */
    public static List<RecordedCall> all() {
        List<RecordedCall> calls = all;
        if (calls == null) {
            List<RecordedCall> loaded = new ArrayList<>();
            for (String version : VERSIONS) {
                loaded.addAll(conformance(version));
            }
            loaded.addAll(projectCalls());
            calls = List.copyOf(loaded);
            all = calls;
        }
        return calls;
    }

    /**
     * One recorded call.
     *
     * @param version server version, e.g. {@code 19.0}
     * @param corpus {@code conformance} or {@code project-calls}
     * @param name file name stem, e.g. {@code 021-xmlrpc-create-list-positional}
     * @param scenario conformance scenario (the name without number and transport for project calls)
     * @param transport {@code xmlrpc}, {@code jsonrpc} or {@code json2}
     * @param model model called
     * @param method ORM method called
     * @param ok true when the real server accepted the call
     * @param shape the request's shape
     */
    public record RecordedCall(String version, String corpus, String name, String scenario, String transport,
                               String model, String method, boolean ok, CallShape shape) {
        @Override
        public String toString() {
            return corpus + "/" + version + "/" + name + " " + shape;
        }
    }

    private static List<RecordedCall> conformance(String version) {
        List<RecordedCall> calls = new ArrayList<>();
        for (Path file : Recordings.metaFiles(Recordings.root().resolve("conformance").resolve(version))) {
            JsonNode meta = Recordings.readJson(file);
            String transport = meta.path("transport").asText();
            boolean orm = "json2".equals(transport) ? meta.path("path").asText().startsWith("/json/2/")
                    : "object".equals(meta.path("service").asText()) && meta.path("execute_kw").asBoolean(false);
            if (!orm || meta.path("method").asText("").isEmpty()) {
                continue;
            }
            CallShape shape;
            if ("json2".equals(transport)) {
                if (!meta.path("kwargs").isObject()) {
                    continue; // a JSON array or a malformed body: not a named-argument call
                }
                shape = CallShape.json2(JSON.convertValue(meta.path("kwargs"), Map.class));
            } else {
                shape = CallShape.rpc(JSON.convertValue(meta.path("args"), List.class),
                        JSON.convertValue(meta.path("kwargs"), Map.class));
            }
            calls.add(new RecordedCall(version, "conformance", meta.path("name").asText(), meta.path("scenario").asText(),
                    transport, meta.path("model").asText(), meta.path("method").asText(),
                    "ok".equals(meta.path("outcome").asText()), shape));
        }
        return calls;
    }

    private static List<RecordedCall> projectCalls() {
        List<RecordedCall> calls = new ArrayList<>();
        Path dir = Recordings.root().resolve("project-calls").resolve("19.0");
        for (Path file : Recordings.metaFiles(dir)) {
            Matcher m = PROJECT_CALL.matcher(file.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            String transport = m.group(1);
            String stem = file.getFileName().toString().replace(".meta.json", "");
            boolean ok = !stem.endsWith("-fault");
            String scenario = stem.substring(stem.indexOf(transport) + transport.length() + 1);
            try {
                if ("xmlrpc".equals(transport)) {
                    XmlRpcCalls.MethodCall call = XmlRpcCalls.parse(Files.readString(dir.resolve(stem + ".request.xml"),
                            StandardCharsets.UTF_8));
                    if (!"execute_kw".equals(call.method())) {
                        continue;
                    }
                    List<Object> p = call.params();
                    calls.add(new RecordedCall("19.0", "project-calls", stem, scenario, transport, (String) p.get(3),
                            (String) p.get(4), ok, CallShape.rpc((List<?>) p.get(5), p.size() > 6 ? (Map<?, ?>) p.get(6) : Map.of())));
                } else if ("jsonrpc".equals(transport)) {
                    JsonNode body = Recordings.readJson(dir.resolve(stem + ".request.json"));
                    if (!"object".equals(body.path("params").path("service").asText())) {
                        continue;
                    }
                    List<?> args = JSON.convertValue(body.path("params").path("args"), List.class);
                    calls.add(new RecordedCall("19.0", "project-calls", stem, scenario, transport, (String) args.get(3),
                            (String) args.get(4), ok, CallShape.rpc((List<?>) args.get(5),
                            args.size() > 6 ? (Map<?, ?>) args.get(6) : Map.of())));
                } else {
                    Matcher path = JSON2_PATH.matcher(Recordings.readJson(file).path("path").asText());
                    if (!path.matches()) {
                        continue;
                    }
                    Map<?, ?> body = JSON.readValue(dir.resolve(stem + ".request.json").toFile(), Map.class);
                    calls.add(new RecordedCall("19.0", "project-calls", stem, scenario, transport, path.group(1),
                            path.group(2), ok, CallShape.json2(body)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + stem, e);
            }
        }
        return calls;
    }
}
