package dev.odoobridge.client.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Fuzzing inputs for the decoders: real recorded bodies with a few mutations each (bytes flipped,
 * removed, repeated, truncated, or replaced by tokens that upset parsers), bounded in size so every
 * decode ends quickly.
 */
public final class ByteMutations {
    /** Tokens that exercise parser edge cases (markup, entities, encodings, numbers, nesting). */
    private static final List<String> TOKENS = List.of(
            "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "&#0;", "&#x110000;", "&amp", "<![CDATA[", "]]>", "<?xml version='1.0' encoding='UTF-16'?>",
            "<?xml version='1.0' encoding='no-such'?>", "<value>", "</value>", "<int>", "<i8>99999999999999999999</i8>",
            "<double>1e99999</double>", "<boolean>2</boolean>", "<nil/>", "<ex:serializable>rO0=</ex:serializable>",
            "<struct><member><name>", "<array><data>", "\u0000", "\uFEFF", "\u00e9", "\ud83d\ude00",
            "{", "}", "[", "]", "\"", "\\u", "\\ud800", "1e999999", "-0", "123456789012345678901234567890", "NaN",
            "true", "null", ",", ":", "[[[[[[[[[[[[[[[[[[[[", "{\"error\": {}}", "{\"result\": ");

    private ByteMutations() {
    }

    /** One change to a byte array; positions are fractions of the current length. */
    public sealed interface Mutation permits Flip, Delete, Repeat, Truncate, Insert, Raw {
        byte[] apply(byte[] in);
    }

    /** XOR one byte. */
    public record Flip(double at, int mask) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            int i = index(at, in.length - 1);
            out[i] = (byte) (out[i] ^ mask);
            return out;
        }
    }

    /** Remove a range. */
    public record Delete(double at, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int from = index(at, in.length);
            int to = Math.min(in.length, from + length);
            return concat(slice(in, 0, from), slice(in, to, in.length));
        }
    }

    /** Repeat a range a few times. */
    public record Repeat(double at, int length, int times) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int from = index(at, in.length);
            int to = Math.min(in.length, from + length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(slice(in, 0, to));
            for (int i = 0; i < times; i++) {
                out.writeBytes(slice(in, from, to));
            }
            out.writeBytes(slice(in, to, in.length));
            return out.toByteArray();
        }
    }

    /** Cut the end off. */
    public record Truncate(double at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return slice(in, 0, index(at, in.length));
        }
    }

    /** Insert a parser-upsetting token (UTF-8). */
    public record Insert(double at, String token) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            return concat(concat(slice(in, 0, i), token.getBytes(StandardCharsets.UTF_8)), slice(in, i, in.length));
        }
    }

    /** Insert raw bytes (not necessarily valid UTF-8). */
    public record Raw(double at, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            return concat(concat(slice(in, 0, i), bytes), slice(in, i, in.length));
        }

        @Override
        public String toString() {
            return "Raw[at=" + at + ", bytes=" + java.util.Arrays.toString(bytes) + "]";
        }
    }

    /** Any one mutation. */
    public static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        return Arbitraries.oneOf(
                Combinators.combine(at, Arbitraries.integers().between(1, 255)).as(Flip::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 64)).as(Delete::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 32), Arbitraries.integers().between(1, 50)).as(Repeat::new),
                at.map(Truncate::new),
                Combinators.combine(at, Arbitraries.of(TOKENS)).as(Insert::new),
                Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMaxSize(8)).as(Raw::new));
    }

    /** A seed with one to five mutations applied in order. */
    public static Arbitrary<byte[]> mutated(List<byte[]> seeds) {
        return Combinators.combine(Arbitraries.of(seeds), mutation().list().ofMinSize(1).ofMaxSize(5))
                .as((seed, mutations) -> {
                    byte[] out = seed;
                    for (Mutation m : mutations) {
                        out = m.apply(out);
                    }
                    return out;
                });
    }

    /** Bytes with no structure at all. */
    public static Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
    }

    private static int index(double at, int length) {
        return (int) Math.min(length, Math.floor(at * (length + 1)));
    }

    private static byte[] slice(byte[] in, int from, int to) {
        return java.util.Arrays.copyOfRange(in, from, Math.max(from, to));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
