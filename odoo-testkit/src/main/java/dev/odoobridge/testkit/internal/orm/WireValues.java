package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Converts between internal values and Odoo's wire values. */
final class WireValues {
    private WireValues() {
    }

    /** A value as {@code read} returns it: False when empty (0 / 0.0 for numbers, [] for x2many). */
    static Object toRead(Records records, FieldDef field, Object value) {
        if (value == null) {
            return switch (field.type()) {
                case INTEGER, MANY2ONE_REFERENCE -> 0;
                case FLOAT, MONETARY -> 0.0;
                case ONE2MANY, MANY2MANY, PROPERTIES -> List.of();
                default -> Boolean.FALSE;
            };
        }
        return switch (field.type()) {
            case MANY2ONE -> !records.db().has(field.relation())
                    ? List.of(value, field.relation() + "," + value)
                    : records.db().table(field.relation()).exists((Integer) value)
                    ? List.of(value, records.displayName(field.relation(), (Integer) value)) : Boolean.FALSE;
            case ONE2MANY, MANY2MANY -> ids((int[]) value);
            case DATETIME -> OdooTime.formatSeconds((Long) value);
            default -> value;
        };
    }

    /** A value as a change event carries it: many2one as a bare id, datetimes (write/create) with microseconds. */
    static Object toEvent(FieldDef field, Object value) {
        if (value == null) {
            return field.type().toMany() ? List.of() : Boolean.FALSE;
        }
        if (value instanceof int[] array) {
            return ids(array);
        }
        if (field.type() == FieldType.DATETIME) {
            long micros = (Long) value;
            return field.compute() == Compute.MAGIC ? OdooTime.formatMicros(micros) : OdooTime.formatSeconds(micros);
        }
        return value;
    }

    static List<Integer> ids(int[] array) {
        List<Integer> list = new ArrayList<>(array.length);
        for (int id : array) {
            list.add(id);
        }
        return list;
    }

    /**
     * Converts a written value to its internal form (x2many commands are handled by the caller).
     *
     * @throws OrmFault VALUE_ERROR for values of the wrong type
     */
    static Object fromWire(ModelDef model, FieldDef field, Object value) {
        if (value == null || (Boolean.FALSE.equals(value) && field.type() != FieldType.BOOLEAN)) {
            return null;
        }
        try {
            return switch (field.type()) {
                case CHAR, TEXT, HTML, BINARY, REFERENCE -> value.toString();
                case SELECTION -> selection(model, field, value.toString());
                case INTEGER, MANY2ONE_REFERENCE -> ((Number) value).intValue();
                case FLOAT, MONETARY -> ((Number) value).doubleValue();
                case JSON, PROPERTIES, PROPERTIES_DEFINITION -> value;
                case BOOLEAN -> value instanceof Boolean b ? b : value instanceof Number n ? n.doubleValue() != 0
                        : !value.toString().isEmpty();
                case DATE -> OdooTime.parseDate(value.toString());
                case DATETIME -> {
                    long micros = OdooTime.parseMicros(value.toString());
                    yield micros - Math.floorMod(micros, OdooTime.MICROS_PER_SECOND);
                }
                case MANY2ONE -> id(value);
                case ONE2MANY, MANY2MANY -> value instanceof int[] ? value : idArray(value);
            };
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Wrong value for " + model.name() + "." + field.name() + ": "
                    + PyRepr.of(value));
        }
    }

    static int id(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("not an id: " + PyRepr.of(value));
    }

    static int[] idArray(Object value) {
        if (value instanceof Number n) {
            return new int[] {n.intValue()};
        }
        if (!(value instanceof Collection<?> items)) {
            throw new IllegalArgumentException("not a list of ids: " + PyRepr.of(value));
        }
        int[] out = new int[items.size()];
        int i = 0;
        for (Object item : items) {
            out[i++] = id(item);
        }
        return Arrays.stream(out).distinct().toArray();
    }

    private static String selection(ModelDef model, FieldDef field, String value) {
        if (!field.selection().isEmpty() && field.selection().stream().noneMatch(pair -> pair.get(0).equals(value))) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Wrong value for " + model.name() + "." + field.name() + ": "
                    + PyRepr.of(value));
        }
        return value;
    }
}
