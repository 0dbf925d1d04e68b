package dev.odoobridge.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The leading arguments of a generic {@link ModelHandle#call(String, java.util.List, Positional, java.util.Map)}:
 * XML-RPC and JSON-RPC send them by position (after the ids), because Odoo's {@code call_kw} reads
 * some of them by position only ({@code create}'s records are {@code args[0]}); JSON-2 sends them by
 * their parameter name. Give them in the method's parameter order with their Python names, e.g.
 * {@code Positional.of("vals_list", List.of(values))} for {@code create}, or
 * {@code Positional.of("fields", List.of("name")) } for {@code default_get}.
 *
 * @param parameters the arguments in parameter order
 */
public record Positional(List<Parameter> parameters) {
    private static final Positional NONE = new Positional(List.of());

    public Positional {
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters == null"));
    }

    /** No positional argument. */
    public static Positional none() {
        return NONE;
    }

    /** One positional argument. */
    public static Positional of(String name, Object value) {
        return NONE.and(name, value);
    }

    /** Two positional arguments, in this order. */
    public static Positional of(String name1, Object value1, String name2, Object value2) {
        return NONE.and(name1, value1).and(name2, value2);
    }

    /** These arguments followed by one more. */
    public Positional and(String name, Object value) {
        List<Parameter> more = new ArrayList<>(parameters);
        more.add(new Parameter(name, value));
        return new Positional(more);
    }

    /**
     * One positional argument.
     *
     * @param name the Python parameter name (used by JSON-2)
     * @param value the value, converted like values in maps (null is sent as {@code False})
     */
    public record Parameter(String name, Object value) {
        public Parameter {
            Objects.requireNonNull(name, "name == null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("parameter name is blank");
            }
        }
    }
}
