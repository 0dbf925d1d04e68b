package dev.odoobridge.client.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Checks shared by the decoder fuzz tests of every transport. */
public final class DecodedValues {
    private DecodedValues() {
    }

    /** Only plain data comes out: Map, List, String, Integer, Long, Double, Boolean, null. */
    public static void assertPlain(Object value, byte[] body) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> assertPlain(v, body));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(v, body);
            });
        } else {
            fail("decoded a " + value.getClass().getName() + " from " + preview(body));
        }
    }

    /** The start of a body for failure messages. */
    public static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "... (" + body.length + " bytes)" : s;
    }
}
