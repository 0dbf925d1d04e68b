package dev.odoobridge.testkit.internal.orm;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code groupby} spec ({@code field} or {@code field:granularity}) and how it turns a record's value into a
 * group value, a label and a domain.
 */
record GroupKey(String spec, FieldDef field, String granularity) {
    static GroupKey parse(ModelDef model, String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        FieldDef field = model.field(name);
        if (field == null) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + PyRepr.of(name) + " on model "
                    + PyRepr.of(model.name()));
        }
        if (field.type().toMany() || !field.store()) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "FakeOdoo cannot group by " + model.name() + "." + name
                    + ": only stored, non-x2many fields can be grouped by");
        }
        boolean temporal = field.type() == FieldType.DATE || field.type() == FieldType.DATETIME;
        String granularity = colon < 0 ? (temporal ? "month" : null) : spec.substring(colon + 1);
        if (granularity != null && (!temporal
                || !List.of("day", "week", "month", "quarter", "year").contains(granularity))) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid groupby " + PyRepr.of(spec) + " on model "
                    + PyRepr.of(model.name()));
        }
        return new GroupKey(spec, field, granularity);
    }

    /** The internal group value of a record: an id, a plain value, or the period's first day. */
    Object of(Records records, Table table, int id) {
        Object value = records.get(table, id, field);
        if (value == null || granularity == null) {
            return value;
        }
        LocalDate day = value instanceof Long micros ? OdooTime.dateTime(micros).toLocalDate()
                : LocalDate.parse((String) value);
        return switch (granularity) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            case "quarter" -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            default -> day.withDayOfYear(1);
        };
    }

    LocalDate end(LocalDate start) {
        return switch (granularity) {
            case "day" -> start.plusDays(1);
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            case "quarter" -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
    }

    String label(LocalDate start) {
        return switch (granularity) {
            case "day" -> start.getDayOfMonth() + " " + start.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    + " " + start.getYear();
            case "week" -> "W" + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " "
                    + start.get(IsoFields.WEEK_BASED_YEAR);
            case "month" -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
            case "quarter" -> "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear();
            default -> String.valueOf(start.getYear());
        };
    }

    /** The bound of a period as a domain literal ({@code "YYYY-MM-DD"} or {@code "YYYY-MM-DD HH:MM:SS"}). */
    String literal(LocalDate day) {
        return field.type() == FieldType.DATE ? day.toString() : day + " 00:00:00";
    }

    /** The group's value as formatted_read_group returns it. */
    Object wire(Records records, Object value) {
        if (value == null) {
            return Boolean.FALSE;
        }
        if (granularity != null) {
            LocalDate start = (LocalDate) value;
            return List.of(literal(start), label(start));
        }
        return WireValues.toRead(records, field, value);
    }

    /** The conditions that select the group's records. */
    List<Object> domain(Object value) {
        List<Object> leaves = new ArrayList<>();
        if (granularity != null && value != null) {
            LocalDate start = (LocalDate) value;
            leaves.add("&");
            leaves.add(List.of(field.name(), ">=", literal(start)));
            leaves.add(List.of(field.name(), "<", literal(end(start))));
        } else {
            leaves.add(List.of(field.name(), "=", value == null ? Boolean.FALSE : value));
        }
        return leaves;
    }
}
