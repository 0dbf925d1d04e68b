package dev.odoobridge.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The answers real Odoo servers gave, byte for byte, with what was asked: every call of
 * {@code conformance/<version>/} and {@code project-calls/19.0/}. For tests that replay them to the client.
 */
public final class RecordedAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedAnswers() {
    }

    /**
     * One recorded exchange.
     *
     * @param version server version
     * @param corpus {@code conformance} or {@code project-calls}
     * @param name file name stem
     * @param scenario conformance scenario, or the name without number for project calls
     * @param transport {@code xmlrpc}, {@code jsonrpc}, {@code json2} or {@code http}
     * @param service {@code common}, {@code object}, ... (null for JSON-2 and plain HTTP)
     * @param model model called, or null
     * @param method ORM or service method, or null
     * @param ids the record ids the call was given (first positional argument of a record method), or an empty list
     * @param ok true when the server accepted the call
     * @param faultName the Python exception name of a fault (null when none or unknown)
     * @param faultCode XML-RPC faultCode, JSON-RPC error.code or HTTP status of a fault (0 when none)
     * @param status HTTP status
     * @param contentType response Content-Type
     * @param response response body
     */
    public record Answer(String version, String corpus, String name, String scenario, String transport, String service,
                         String model, String method, List<Long> ids, boolean ok, String faultName, int faultCode,
                         int status, String contentType, byte[] response) {
        /** The response as a replayable reply. */
        public CapturingOdoo.Raw raw() {
            return new CapturingOdoo.Raw(status, contentType == null ? "" : contentType, response);
        }

        @Override
        public String toString() {
            return corpus + "/" + version + "/" + name;
        }
    }

    /** Every conformance exchange of {@code version} (17.0, 18.0 or 19.0). */
    public static List<Answer> conformance(String version) {
        List<Answer> out = new ArrayList<>();
        Path dir = Recordings.root().resolve("conformance").resolve(version);
        for (Path file : Recordings.metaFiles(dir)) {
            JsonNode meta = Recordings.readJson(file);
            String responseFile = meta.path("files").path("response").asText("");
            if (responseFile.isEmpty()) {
                continue;
            }
            JsonNode fault = meta.path("fault");
            out.add(new Answer(version, "conformance", meta.path("name").asText(), meta.path("scenario").asText(),
                    meta.path("transport").asText(), text(meta.path("service")), text(meta.path("model")),
                    text(meta.path("method")), ids(meta.path("args"), meta.path("kwargs")),
                    "ok".equals(meta.path("outcome").asText()), text(fault.path("name")), fault.path("code").asInt(0),
                    meta.path("http_status").asInt(), meta.path("content_type").asText(""), bytes(dir.resolve(responseFile))));
        }
        return out;
    }

    /** Every exchange of {@code project-calls/19.0}. */
    public static List<Answer> projectCalls() {
        List<Answer> out = new ArrayList<>();
        Path dir = Recordings.root().resolve("project-calls").resolve("19.0");
        for (Path file : Recordings.metaFiles(dir)) {
            String stem = file.getFileName().toString().replace(".meta.json", "");
            String[] parts = stem.split("-", 3);
            if (parts.length < 3) {
                continue;
            }
            String transport = parts[1];
            JsonNode meta = Recordings.readJson(file);
            Path response = Stream.of(".response.xml", ".response.json", ".response.html")
                    .map(ext -> dir.resolve(stem + ext)).filter(Files::exists).findFirst().orElse(null);
            if (response == null) {
                continue;
            }
            String contentType = "";
            for (JsonNode header : meta.path("response_headers")) {
                if (header.get(0).asText().equalsIgnoreCase("Content-Type")) {
                    contentType = header.get(1).asText();
                }
            }
            String rest = parts[2].replaceFirst("-fault$", "");
            int cut = rest.lastIndexOf('-');
            String model = cut > 0 ? rest.substring(0, cut) : null;
            String method = cut > 0 ? rest.substring(cut + 1) : rest;
            out.add(new Answer("19.0", "project-calls", stem, parts[2], transport,
                    transport.equals("json2") ? null : model != null && !model.equals("common") ? "object" : "common",
                    model, method, List.of(), !stem.endsWith("-fault"), null, 0, meta.path("status").asInt(),
                    contentType, bytes(response)));
        }
        return out;
    }

    private static List<Long> ids(JsonNode args, JsonNode kwargs) {
        List<Long> ids = new ArrayList<>();
        JsonNode first = args.path(0);
        if (first.isArray() && first.size() > 0 && first.get(0).isIntegralNumber()) {
            first.forEach(n -> ids.add(n.asLong()));
        } else if (kwargs.path("ids").isArray()) {
            kwargs.path("ids").forEach(n -> ids.add(n.asLong()));
        }
        return List.copyOf(ids);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }



    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
