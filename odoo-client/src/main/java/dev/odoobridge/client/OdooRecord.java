package dev.odoobridge.client;

import dev.odoobridge.client.value.OdooValues;
import dev.odoobridge.client.value.Ref;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record (or one read_group row) as Odoo returned it, with typed getters that map Odoo's
 * {@code False} for empty fields by the type asked for: {@code null} for scalars, references and
 * dates, an empty list for x2many, and {@code false} only from {@link #getBoolean}.
 * The raw values are plain Java (Map, List, String, Number, Boolean).
 */
public final class OdooRecord {
    private final Map<String, Object> values;

    private OdooRecord(Map<String, Object> values) {
        this.values = values;
    }

    /** Wraps a decoded row; the map is copied. */
    public static OdooRecord of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values == null");
        return new OdooRecord(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** The record id ({@code id} field), or 0 when the row has none (read_group rows). */
    public long id() {
        Object id = values.get("id");
        return id instanceof Number n ? n.longValue() : 0L;
    }

    /** True when the row has the field (even if its value is False). */
    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** The field names present in this row. */
    public Set<String> fieldNames() {
        return values.keySet();
    }

    /** The raw value as decoded (Boolean.FALSE for empty fields). */
    public Object raw(String field) {
        return values.get(field);
    }

    /** All raw values, read-only. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** char / text / html / selection value, or null when empty. */
    public String getString(String field) {
        return OdooValues.toStringValue(values.get(field));
    }

    /** boolean field: {@code False} is false, absent is false. */
    public boolean getBoolean(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    /** integer field (and many2one id for convenience), or null when empty. */
    public Long getLong(String field) {
        return OdooValues.toLong(values.get(field));
    }

    /** float field as double, or null when empty. Note Odoo sends 0.0 for an unset float. */
    public Double getDouble(String field) {
        return OdooValues.toDouble(values.get(field));
    }

    /** float / monetary field as BigDecimal (from its shortest decimal form), or null when empty. */
    public BigDecimal getDecimal(String field) {
        return OdooValues.toDecimal(values.get(field));
    }

    /** many2one as {@link Ref}, or null when empty. */
    public Ref getRef(String field) {
        return OdooValues.toRef(values.get(field));
    }

    /** one2many / many2many ids; empty list when empty. */
    public List<Long> getIds(String field) {
        return OdooValues.toIds(values.get(field));
    }

    /** datetime field (naive UTC {@code "YYYY-MM-DD HH:MM:SS"}) as Instant, or null when empty. */
    public Instant getInstant(String field) {
        return OdooValues.toInstant(values.get(field));
    }

    /** date field ({@code "YYYY-MM-DD"}) as LocalDate, or null when empty. */
    public LocalDate getLocalDate(String field) {
        return OdooValues.toLocalDate(values.get(field));
    }

    /** binary field decoded from base64, or null when empty. */
    public byte[] getBinary(String field) {
        return OdooValues.toBinary(values.get(field));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OdooRecord r && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "OdooRecord" + values;
    }
}
