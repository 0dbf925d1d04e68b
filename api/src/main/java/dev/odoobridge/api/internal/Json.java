package dev.odoobridge.api.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.OptionalLong;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** JSON rendering: dates as ISO-8601 strings, read-model values as plain JSON. */
final class Json {
    static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getName() + " as JSON", e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("odoo-bridge-api");
        m.addSerializer(Instant.class, new ToString<>());
        m.addSerializer(LocalDate.class, new ToString<>());
        m.addSerializer(ObjectId.class, new ToString<>());
        m.addSerializer(Date.class, new JsonSerializer<Date>() {
            @Override
            public void serialize(Date value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toInstant().toString());
            }
        });
        m.addSerializer(Decimal128.class, new JsonSerializer<Decimal128>() {
            @Override
            public void serialize(Decimal128 value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.bigDecimalValue());
            }
        });
        m.addSerializer(OptionalLong.class, new JsonSerializer<OptionalLong>() {
            @Override
            public void serialize(OptionalLong value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                if (value.isPresent()) {
                    gen.writeNumber(value.getAsLong());
                } else {
                    gen.writeNull();
                }
            }
        });
        return new ObjectMapper().registerModule(m).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private static final class ToString<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
