package dev.odoobridge.client.internal.json;

import static dev.odoobridge.client.testing.DecodedValues.preview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.odoobridge.client.testing.ByteMutations;
import dev.odoobridge.client.testing.Recordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The hand-written JSON decoder against Jackson's streaming parser (the client's decoder
 * before): every JSON recording is accepted or refused alike and decodes to equal values, mutated recordings and generated
 * numbers and strings are accepted and refused alike, and decode to equal values when accepted.
 */
class JsonBodyParserDifferentialTest {
    private static final JsonFactory JACKSON = JsonFactory.builder().build();
    private static List<byte[]> seeds;

    @BeforeContainer
    static void load() {
        seeds = new ArrayList<>();
        for (String name : Recordings.names()) {
            if (name.contains("-json2-") || name.contains("-jsonrpc-") || name.contains("-web-version")) {
                seeds.add(Recordings.load(name).responseBody().getBytes(StandardCharsets.UTF_8));
            }
        }
        seeds.add(Recordings.bytes("large/product-search_read-all.json2.response.json"));
    }

    @Example
    void everyRecordingDecodesAsJacksonDecodesIt() {
        assertThat(seeds).hasSizeGreaterThan(20);
        int decoded = 0;
        for (byte[] body : seeds) {
            compare(body); // a few recorded answers are HTML error pages: refused by both
            decoded += ours(body).failure() == null ? 1 : 0;
        }
        assertThat(decoded).isGreaterThan(seeds.size() * 3 / 4);
        assertThat(ours(seeds.get(seeds.size() - 1)).value()).asList().hasSize(5047);
    }

    @Property(tries = 1000, seed = "20261206")
    void mutatedRecordingsAreAcceptedAndDecodedAsJacksonDoes(@ForAll("mutatedRecordings") byte[] body) {
        compare(body);
    }

    @Property(tries = 1000, seed = "20261207")
    void numbersDecodeAsJacksonDecodesThem(@ForAll("numbers") String number) {
        compare(("[" + number + "]").getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500, seed = "20261208")
    void stringsDecodeAsJacksonDecodesThem(@ForAll("strings") String s) {
        compare(("{\"" + s + "\": \"" + s + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void refusesWhatStrictJsonRefuses() {
        for (String bad : List.of("01", "1.", ".5", "-", "+1", "1e", "[1,]", "{\"a\":1,}", "tru", "nul", "truex", "[1 2]",
                "{\"a\" 1}", "{a:1}", "'x'", "\"\t\"", "\"\\x\"", "\"\\u12\"", "[1]]", "// c\n1", "NaN", "\"abc")) {
            assertThatThrownBy(() -> new JsonCodec().decode(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(JsonProcessingException.class);
        }
        for (byte[] bad : List.of(new byte[] {'"', (byte) 0xC3, '"'}, new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xFF, '"'})) {
            assertThatThrownBy(() -> new JsonCodec().decode(bad)).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Example
    void nestsUpToAThousandLevels() throws IOException {
        assertThat(new JsonCodec().decode(("[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(List.class);
        assertThatThrownBy(() -> new JsonCodec().decode(("[".repeat(1001) + "]".repeat(1001)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting");
    }

    @Provide
    Arbitrary<byte[]> mutatedRecordings() {
        return ByteMutations.mutated(seeds.subList(0, seeds.size() - 1));
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), digits.map(d -> "." + d));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-400, 400).map(e -> "e" + e));
        Arbitrary<String> generated = net.jqwik.api.Combinators.combine(sign, digits, fraction, exponent)
                .as((s, d, f, e) -> s + d + f + e);
        Arbitrary<String> doubles = Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("N") && !s.contains("I"));
        Arbitrary<String> longs = Arbitraries.longs().map(String::valueOf);
        return Arbitraries.oneOf(generated, doubles, longs);
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.strings().all().ofMaxLength(20).map(s -> s.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    private static void compare(byte[] body) {
        Outcome ours = ours(body);
        Outcome jackson = jackson(body);
        Statistics.collect(ours.failure() == null ? "decoded" : "refused");
        assertThat(ours.failure() == null).as("accepted by ours (%s) and Jackson (%s): %s", ours.failure(), jackson.failure(),
                preview(body)).isEqualTo(jackson.failure() == null);
        assertThat(ours.value()).as("%s", preview(body)).isEqualTo(jackson.value());
    }

    private static Outcome ours(byte[] body) {
        try {
            return new Outcome(new JsonCodec().decode(body), null);
        } catch (JsonProcessingException e) {
            return new Outcome(null, e.getOriginalMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome jackson(byte[] body) {
        try (JsonParser p = JACKSON.createParser(body)) {
            if (p.nextToken() == null) {
                return new Outcome(null, "empty");
            }
            Object value = read(p);
            if (p.nextToken() != null) {
                return new Outcome(null, "trailing");
            }
            return new Outcome(value, null);
        } catch (IOException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    /** The client's Jackson-based decoding before the hand-written decoder. */
    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> p.getIntValue();
                    case LONG -> p.getLongValue();
                    default -> p.getDoubleValue();
                };
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    /**
     * One decode: the value or the failure's message.
     *
     * @param value what was decoded
     * @param failure the failure message, or null
     */
    private record Outcome(Object value, String failure) {
    }
}
