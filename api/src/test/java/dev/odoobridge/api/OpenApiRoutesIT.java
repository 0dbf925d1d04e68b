package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the real routes are the same set: every documented path answers (with its
 * documented example values; a record id that happens to be missing may answer 404 but never "no such
 * resource"), every documented query parameter is accepted, and every route is documented.
 */
class OpenApiRoutesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    final ApiWorld w = ApiWorld.get();

    @Test
    void everyDocumentedRouteAnswers() throws Exception {
        JsonNode doc = JSON.readTree(w.get("openapi.json", null).body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> documented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String template = e.getKey();
            documented.add(template.substring("/{source}/".length()));
            JsonNode get = e.getValue().get("get");
            assertThat(get).as(template).isNotNull();
            String path = template.replace("{source}", "shop");
            StringBuilder query = new StringBuilder();
            for (JsonNode p : get.get("parameters")) {
                String name = p.get("name").asText();
                if (p.get("in").asText().equals("path") && !name.equals("source")) {
                    path = path.replace("{" + name + "}", URLEncoder.encode(p.get("example").asText(), StandardCharsets.UTF_8));
                }
            }
            String required = "";
            for (JsonNode p : get.get("parameters")) {
                if (p.get("in").asText().equals("query") && p.get("required").asBoolean()) {
                    required += (required.isEmpty() ? "?" : "&") + p.get("name").asText() + "="
                            + URLEncoder.encode(p.get("example").asText(), StandardCharsets.UTF_8);
                }
            }
            path = path + required;
            HttpResponse<String> r = w.get(path.substring(1), w.shopKey);
            assertThat(r.statusCode()).as(template + " " + r.body()).isIn(200, 404);
            if (r.statusCode() == 404) {
                assertThat(r.body()).as(template).doesNotContain("no such resource");
            }
            for (JsonNode p : get.get("parameters")) {
                if (!p.get("in").asText().equals("query") || p.get("required").asBoolean()) {
                    continue;
                }
                String value;
                if (p.get("name").asText().equals("cursor")) {
                    JsonNode first = JSON.readTree(w.get(path.substring(1) + (required.isEmpty() ? "?" : "&") + "limit=1",
                            w.shopKey).body());
                    if (first.path("next").isNull() || first.path("next").isMissingNode()) {
                        continue;
                    }
                    value = first.get("next").asText();
                } else value = switch (p.get("schema").get("type").asText()) {
                    case "integer" -> "1";
                    case "boolean" -> "true";
                    default -> sampleString(p.get("name").asText());
                };
                query.setLength(0);
                query.append(required.isEmpty() ? '?' : '&').append(p.get("name").asText()).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                HttpResponse<String> withParam = w.get(path.substring(1) + query, w.shopKey);
                assertThat(withParam.statusCode()).as(template + query + " " + withParam.body()).isIn(200, 404);
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(w.api.routeTemplates());
    }

    private static String sampleString(String name) {
        return switch (name) {
            case "sort" -> "id";
            case "fields" -> "name";
            case "granularity" -> "week";
            case "from" -> java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(60).toString();
            case "to" -> java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            case "state" -> "sale";
            case "updated_since", "date_from", "date_to", "expires_before", "expires_after" -> "2026-01-01T00:00:00Z";
            default -> "x";
        };
    }
}
