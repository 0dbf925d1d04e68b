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
import java.util.stream.Stream;

/** Loads the recorded Odoo 19 exchanges from the repository's {@code odoo-recordings} folder. */
public final class Recordings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Recordings() {
    }

    /** The recordings folder, found by walking up from the working directory. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("odoo-recordings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("odoo-recordings folder not found above " + Path.of("").toAbsolutePath());
    }

    /** One recording by its name, e.g. {@code 13-xmlrpc-accesserror-demo-write-res-company}. */
    public static RecordedExchange load(String name) {
        Path root = root();
        try {
            JsonNode meta = JSON.readTree(root.resolve(name + ".meta.json").toFile());
            String ext = Files.exists(root.resolve(name + ".response.xml")) ? "xml" : "json";
            String request = read(root.resolve(name + ".request." + ext));
            String response = read(root.resolve(name + ".response." + ext));
            return new RecordedExchange(name, meta.path("method").asText("POST"), meta.path("path").asText(),
                    meta.path("status").asInt(200), meta.path("content_type").asText(), request, response,
                    meta.path("note").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + name, e);
        }
    }

    /** The {@code *.meta.json} files of a recordings folder, in name order. */
    static List<Path> metaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".meta.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** A recorded JSON file, parsed. */
    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Names of every recording (from INDEX.json), in order. */
    public static List<String> names() {
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode n : JSON.readTree(root().resolve("INDEX.json").toFile())) {
                names.add(n.path("name").asText());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under the recordings folder, e.g. {@code large/product-search_read-all.response.xml}. */
    public static byte[] bytes(String relativePath) {
        try {
            return Files.readAllBytes(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /**
     * One recorded request/response pair.
     *
     * @param name recording name
     * @param httpMethod POST or GET
     * @param path URL path
     * @param status HTTP status of the response
     * @param contentType response content type
     * @param requestBody exact request body
     * @param responseBody exact response body
     * @param note the recorder's note
     */
    public record RecordedExchange(String name, String httpMethod, String path, int status, String contentType,
                                   String requestBody, String responseBody, String note) {
    }
}
