package dev.odoobridge.client.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming conversion between JSON and plain Java values: objects become {@link LinkedHashMap},
 * arrays {@link ArrayList}, numbers Integer (Long when larger, Double for fractions), plus String,
 * Boolean and null. No tree model is built: documents are decoded from their bytes by
 * {@code JsonBodyParser} (Jackson's parser reads the rare body in UTF-16 or UTF-32). Nesting depth
 * is bounded (1,000 levels) either way, so hostile input cannot exhaust the stack. Thread-safe.
 */
public final class JsonCodec {
    private final JsonFactory factory = JsonFactory.builder().build();

    /**
     * Decodes one whole JSON document; trailing content is an error. The stream is read whole
     * (its owner caps its size) and decoded from its bytes.
     */
    public Object decode(InputStream in) throws IOException {
        return decode(in.readAllBytes());
    }

    /**
     * Decodes one whole JSON document from bytes: UTF-8 (the only encoding Odoo sends) by
     * {@code JsonBodyParser}, a body in UTF-16 or UTF-32 by Jackson's parser.
     */
    public Object decode(byte[] json) throws IOException {
        if (JsonBodyParser.isUtf8(json, json.length)) {
            return new JsonBodyParser(json, json.length).parse();
        }
        try (JsonParser p = factory.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "empty body where JSON was expected");
            }
            Object value = readValue(p);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content after the JSON value");
            }
            return value;
        }
    }

    /** Reads the value starting at the parser's current token and leaves the parser on its last token. */
    private static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    p.nextToken();
                    map.put(name, readValue(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return p.getIntValue();
                    case LONG:
                        return p.getLongValue();
                    default:
                        // beyond 64 bits: Odoo never sends such ints; keep the magnitude rather than fail
                        return p.getDoubleValue();
                }
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected JSON token " + t);
        }
    }

    /**
     * Encodes plain values (Map with String keys, Collection, String, Number, Boolean, null).
     *
     * @throws IllegalArgumentException for any other type
     */
    public byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode JSON in memory", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot encode a " + v.getClass().getName()
                    + " as JSON; convert it with OdooValues.toWire first");
        }
    }
}
