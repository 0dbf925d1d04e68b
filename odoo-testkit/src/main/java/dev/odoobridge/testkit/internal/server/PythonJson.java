package dev.odoobridge.testkit.internal.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out the way Odoo's Python does: {@code ", "} and {@code ": "} separators, floats in
 * Python's repr. Output is streamed through a Jackson generator with a type switch per value (no
 * reflection), so large {@code search_read} pages go straight to the socket.
 */
final class PythonJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();

    /** Parses a request body into plain values (Map, List, String, Integer/Long, Double, Boolean, null). */
    Object read(InputStream in) throws IOException {
        return mapper.readValue(in, Object.class);
    }

    /** Parses text (tests, webhook bodies). */
    Object read(String text) throws IOException {
        return mapper.readValue(text, Object.class);
    }

    /** Starts a generator that writes Python-formatted JSON to {@code out}. */
    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.setPrettyPrinter(PythonSeparators.INSTANCE);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Writes {@code value} and flushes the generator. */
    void write(OutputStream out, Object value) throws IOException {
        try (JsonGenerator g = generator(out)) {
            write(g, value);
        }
    }

    /** Renders {@code value} to a string (webhook bodies, tests). */
    String toString(Object value) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try {
            write(buf, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            g.writeNumber(PythonRepr.floatRepr(d));
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                write(g, list.get(i));
            }
            g.writeEndArray();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            g.writeNumber(v.toString());
        } else if (v instanceof Object[] array) {
            write(g, List.of(array));
        } else {
            g.writeString(v.toString());
        }
    }

    /** Python's json.dumps default separators: {@code ", "} between items, {@code ": "} after keys. */
    private static final class PythonSeparators implements PrettyPrinter {
        static final PythonSeparators INSTANCE = new PythonSeparators();

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(' ');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
        }
    }
}
