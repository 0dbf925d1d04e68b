package dev.odoobridge.client.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every comparison operator Odoo's ORM accepts in a domain leaf. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    /** {@code =?}: true when the value is unset (False/None), else {@code =}. */
    EQ_OR_UNSET("=?"),
    LIKE("like"), ILIKE("ilike"), NOT_LIKE("not like"), NOT_ILIKE("not ilike"),
    /** {@code =like}: SQL LIKE with the caller's own wildcards. */
    EQ_LIKE("=like"),
    /** {@code =ilike}: case-insensitive SQL LIKE with the caller's own wildcards. */
    EQ_ILIKE("=ilike"),
    IN("in"), NOT_IN("not in"),
    CHILD_OF("child_of"), PARENT_OF("parent_of"),
    /** {@code any}: the x2many / many2one has a related record matching a sub-domain. */
    ANY("any"),
    /** {@code not any}: no related record matches the sub-domain. */
    NOT_ANY("not any");

    private static final Map<String, Operator> BY_SYMBOL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Operator::symbol, Function.identity()));

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol on the wire, e.g. {@code "not ilike"}. */
    public String symbol() {
        return symbol;
    }

    /** The operator for a wire symbol (case-insensitive, as Odoo lower-cases it), if any. */
    public static Optional<Operator> fromSymbol(String symbol) {
        return Optional.ofNullable(symbol == null ? null : BY_SYMBOL.get(symbol.toLowerCase(java.util.Locale.ROOT)));
    }

    /** True for {@code any} / {@code not any}, whose value is itself a domain. */
    public boolean takesDomain() {
        return this == ANY || this == NOT_ANY;
    }
}
