package dev.odoobridge.api.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Ready JSON (UTF-8 bytes) handed to a Jackson generator as a raw value
 * ({@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)}): a UTF-8 generator copies the
 * bytes into its buffer, a character generator writes their decoding.
 */
final class RawJson implements SerializableString {
    private final byte[] bytes;
    private final int length;
    private String value;

    /** The first {@code length} bytes of {@code bytes} (not copied). */
    RawJson(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    @Override
    public String getValue() {
        if (value == null) {
            value = new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        return value;
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return append(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        char[] quoted = asQuotedChars();
        if (quoted.length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, quoted.length);
        return quoted.length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, length);
        return length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String s = getValue();
        if (s.length() > buffer.length - offset) {
            return -1;
        }
        s.getChars(0, s.length(), buffer, offset);
        return s.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] quoted = asQuotedUTF8();
        out.write(quoted);
        return quoted.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
        return length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        byte[] quoted = asQuotedUTF8();
        if (quoted.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(quoted);
        return quoted.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (length > buffer.remaining()) {
            return -1;
        }
        buffer.put(bytes, 0, length);
        return length;
    }

    @Override
    public String toString() {
        return getValue();
    }

    private static int append(byte[] src, byte[] buffer, int offset) {
        if (src.length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(src, 0, buffer, offset, src.length);
        return src.length;
    }
}
