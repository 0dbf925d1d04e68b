package dev.odoobridge.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();

    private Object decode(String json) throws Exception {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesToPlainJavaTypes() throws Exception {
        Object v = decode("{\"i\": 1, \"l\": 9999999999, \"d\": 2.5, \"s\": \"x\\u00e9\", \"t\": true, \"f\": false,"
                + " \"n\": null, \"a\": [1, [2]], \"o\": {\"k\": \"v\"}}");
        assertThat(v).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("i", "l", "d", "s", "t", "f", "n", "a", "o");
        assertThat(m.get("i")).isEqualTo(1);
        assertThat(m.get("l")).isEqualTo(9999999999L);
        assertThat(m.get("d")).isEqualTo(2.5);
        assertThat(m.get("s")).isEqualTo("xé");
        assertThat(m.get("t")).isEqualTo(true);
        assertThat(m.get("f")).isEqualTo(false);
        assertThat(m.containsKey("n")).isTrue();
        assertThat(m.get("n")).isNull();
        assertThat(m.get("a")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1, List.of(2)));
        assertThat(m.get("o")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void rejectsTruncatedTrailingAndEmptyInput() {
        assertThatThrownBy(() -> decode("[1, 2")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> decode("[1] [2]")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> decode("")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void hostileNestingFailsCleanly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> decode(deep)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void encodesPlainValuesAndRefusesOthers() throws Exception {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("ids", List.of(1L, 2L));
        in.put("vals", Map.of("name", "a\"b"));
        in.put("flag", false);
        in.put("x", null);
        in.put("price", 1.25);
        byte[] json = codec.encode(in);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"ids\":[1,2],\"vals\":{\"name\":\"a\\\"b\"},\"flag\":false,\"x\":null,\"price\":1.25}");
        Map<String, Object> expected = new LinkedHashMap<>(in);
        expected.put("ids", List.of(1, 2)); // small numbers decode as Integer
        assertThat(codec.decode(json)).isEqualTo(expected);
        assertThatThrownBy(() -> codec.encode(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OdooValues.toWire");
    }
}
