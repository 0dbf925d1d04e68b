package dev.odoobridge.api.internal;

import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.time.Instant;
import org.bson.BsonSerializationException;

/**
 * BSON values written as JSON straight from their bytes (names and strings are never decoded to Java strings), the
 * same JSON that the driver's {@code BsonBinaryReader} and Jackson's generator gave for them: strings and names as
 * {@link JsonOutput} writes them, {@code int32} / {@code int64} in decimal, doubles as Jackson writes them, booleans,
 * {@code null}, dates as the ISO-8601 instant, embedded documents and arrays recursively; values of the rarer types go
 * to {@link RareValues}. Nesting is checked against the generator's {@link StreamWriteConstraints} as the generator
 * checks it.
 */
final class BsonJson {
    static final byte DOUBLE = 0x01;
    static final byte STRING = 0x02;
    static final byte DOCUMENT = 0x03;
    static final byte ARRAY = 0x04;
    static final byte BOOLEAN = 0x08;
    static final byte DATE_TIME = 0x09;
    static final byte NULL = 0x0A;
    static final byte INT32 = 0x10;
    static final byte INT64 = 0x12;

    /** Writes a value of a rarer BSON type. */
    interface RareValues {
        /** Writes the value of type {@code type} in {@code bson[from, to)} to the output. */
        void write(byte type, byte[] bson, int from, int to) throws IOException;
    }

    private final byte[] bson;
    private final JsonOutput out;
    private final StreamWriteConstraints constraints;
    private final RareValues rare;

    BsonJson(byte[] bson, JsonOutput out, StreamWriteConstraints constraints, RareValues rare) {
        this.bson = bson;
        this.out = out;
        this.constraints = constraints;
        this.rare = rare;
    }

    /** Fails as the generator fails on an object or array nested at {@code depth} when that is too deep. */
    void checkDepth(int depth) throws StreamConstraintsException {
        constraints.validateNestingDepth(depth);
    }

    /**
     * Writes the value of the type at {@code pos} (ending before {@code limit}), nested at {@code depth} (as the
     * generator counts: an object or array at depth {@code d} is checked as {@code d}); returns where the value ends.
     */
    int write(byte type, int pos, int limit, int depth) throws IOException {
        switch (type) {
            case DOUBLE -> {
                need(pos, 8, limit);
                out.number(Double.longBitsToDouble(int64(bson, pos)));
                return pos + 8;
            }
            case STRING -> {
                int end = stringEnd(bson, pos, limit);
                out.utf8String(bson, pos + 4, end - pos - 5);
                return end;
            }
            case DOCUMENT, ARRAY -> {
                return document(pos, limit, depth, type == ARRAY);
            }
            case BOOLEAN -> {
                need(pos, 1, limit);
                byte b = bson[pos];
                if (b != 0 && b != 1) {
                    throw new BsonSerializationException("Expected a boolean value but found " + b);
                }
                out.ascii(b == 1 ? "true" : "false");
                return pos + 1;
            }
            case DATE_TIME -> {
                need(pos, 8, limit);
                out.raw((byte) '"');
                out.ascii(Instant.ofEpochMilli(int64(bson, pos)).toString());
                out.raw((byte) '"');
                return pos + 8;
            }
            case NULL -> {
                out.ascii("null");
                return pos;
            }
            case INT32 -> {
                need(pos, 4, limit);
                out.number(int32(bson, pos));
                return pos + 4;
            }
            case INT64 -> {
                need(pos, 8, limit);
                out.number(int64(bson, pos));
                return pos + 8;
            }
            default -> {
                int end = valueEnd(bson, type, pos, limit);
                rare.write(type, bson, pos, end);
                return end;
            }
        }
    }

    private int document(int pos, int limit, int depth, boolean array) throws IOException {
        int end = documentEnd(bson, pos, limit);
        checkDepth(depth);
        out.raw((byte) (array ? '[' : '{'));
        int last = end - 1;
        int p = pos + 4;
        boolean first = true;
        for (byte type = bson[p]; type != 0; type = bson[p]) {
            int nameEnd = cstringEnd(bson, p + 1, last);
            if (!first) {
                out.raw((byte) ',');
            }
            if (!array) {
                out.utf8String(bson, p + 1, nameEnd - p - 1);
                out.raw((byte) ':');
            }
            p = write(type, nameEnd + 1, last, depth + 1);
            first = false;
        }
        if (p != last) {
            throw new BsonSerializationException("a BSON document's elements do not end at its end");
        }
        out.raw((byte) (array ? ']' : '}'));
        return end;
    }

    static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }

    static long int64(byte[] b, int p) {
        return (int32(b, p) & 0xFFFFFFFFL) | (long) int32(b, p + 4) << 32;
    }

    /** Where the document (or array) at {@code pos} ends, checked to end with its terminating 0 before {@code limit}. */
    static int documentEnd(byte[] b, int pos, int limit) {
        need(pos, 4, limit);
        int size = int32(b, pos);
        if (size < 5 || size > limit - pos || b[pos + size - 1] != 0) {
            throw new BsonSerializationException("a BSON document's size " + size + " does not fit its bytes");
        }
        return pos + size;
    }

    /** The index of the 0 ending the C string at {@code pos}, before {@code limit}. */
    static int cstringEnd(byte[] b, int pos, int limit) {
        for (int i = pos; i < limit; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        throw new BsonSerializationException("a BSON name or C string has no end");
    }

    private static int stringEnd(byte[] b, int pos, int limit) {
        need(pos, 4, limit);
        int size = int32(b, pos);
        if (size <= 0 || size > limit - pos - 4) {
            throw new BsonSerializationException("a BSON string's size " + size + " does not fit its bytes");
        }
        int end = pos + 4 + size;
        if (b[end - 1] != 0) {
            throw new BsonSerializationException("Found a BSON string that is not null-terminated");
        }
        return end;
    }

    /** Where the value of the type at {@code pos} ends (before {@code limit}), not looking into it. */
    static int valueEnd(byte[] b, byte type, int pos, int limit) {
        int length = switch (type) {
            case DOUBLE, DATE_TIME, INT64, 0x11 -> 8; // 0x11: timestamp
            case STRING, 0x0D, 0x0E -> stringEnd(b, pos, limit) - pos; // JavaScript, symbol
            case DOCUMENT, ARRAY, 0x0F -> documentEnd(b, pos, limit) - pos; // 0x0F: JavaScript with scope
            case 0x05 -> { // binary: length, subtype, bytes
                need(pos, 4, limit);
                int size = int32(b, pos);
                if (size < 0 || size > limit - pos - 5) {
                    throw new BsonSerializationException("a BSON binary's size " + size + " does not fit its bytes");
                }
                yield 5 + size;
            }
            case 0x06, NULL, (byte) 0xFF, 0x7F -> 0; // undefined, null, min key, max key
            case 0x07 -> 12; // object id
            case BOOLEAN -> 1;
            case 0x0B -> cstringEnd(b, cstringEnd(b, pos, limit) + 1, limit) + 1 - pos; // regular expression
            case 0x0C -> stringEnd(b, pos, limit) + 12 - pos; // DB pointer
            case INT32 -> 4;
            case 0x13 -> 16; // decimal128
            default -> throw new BsonSerializationException("Detected unknown BSON type \"\\x" + Integer.toHexString(type & 0xFF)
                    + "\"");
        };
        need(pos, length, limit);
        return pos + length;
    }

    private static void need(int pos, int length, int limit) {
        if (length > limit - pos) {
            throw new BsonSerializationException("a BSON value runs past the end of its document");
        }
    }
}
