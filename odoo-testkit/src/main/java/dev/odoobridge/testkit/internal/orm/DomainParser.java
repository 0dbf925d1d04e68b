package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses Odoo's prefix-notation domains into {@link Predicate}s, validating fields and operators like the played
 * Odoo version: 17.0 and 18.0 check domains in {@code expression.py} ({@code Invalid leaf ...}), 19.0 in its
 * {@code Domain} class ({@code Domain() invalid item in domain: ...}, {@code not =like} and a scalar {@code in}
 * allowed).
 */
final class DomainParser {
    static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "=?", "like", "ilike", "not like",
            "not ilike", "=like", "=ilike", "in", "not in", "child_of", "parent_of", "any", "not any");
    private static final Set<String> NEGATIVE = Set.of("!=", "not in", "not like", "not ilike");
    private final Database db;
    private final int major;
    private List<?> terms;
    private int pos;

    /** A parser for Odoo {@code major} (17, 18 or 19). */
    DomainParser(Database db, int major) {
        this.db = db;
        this.major = major;
    }

    /** A parser with Odoo 19's rules. */
    DomainParser(Database db) {
        this(db, 19);
    }

    private boolean domainClass() {
        return major >= 19;
    }

    /**
     * Parses a domain (a list of terms; null means everything).
     *
     * @throws OrmFault VALUE_ERROR for unknown fields, operators or malformed terms
     */
    Predicate parse(ModelDef model, Object domain) {
        if (domain == null || Boolean.FALSE.equals(domain)) {
            return new Predicate.Const(true);
        }
        if (!(domain instanceof List<?> list)) {
            if (domainClass()) {
                throw new OrmFault(FaultKind.RUNTIME_TYPE_ERROR, "Domain() invalid argument type for domain: "
                        + PyRepr.of(domain));
            }
            throw new OrmFault(FaultKind.ASSERTION_ERROR, "Domains to normalize must have a 'domain' form: a list or "
                    + "tuple of domain components");
        }
        List<?> savedTerms = terms;
        int savedPos = pos;
        terms = list;
        pos = 0;
        try {
            List<Predicate> parts = new ArrayList<>();
            while (pos < terms.size()) {
                parts.add(expression(model));
            }
            return parts.isEmpty() ? new Predicate.Const(true)
                    : parts.size() == 1 ? parts.get(0) : new Predicate.And(parts);
        } finally {
            terms = savedTerms;
            pos = savedPos;
        }
    }

    /** Adds {@code active = True} unless the context disables it or the domain mentions {@code active}. */
    static Predicate withActiveTest(Predicate predicate, ModelDef model, Ctx ctx) {
        FieldDef active = model.field("active");
        if (active == null || !ctx.activeTest()) {
            return predicate;
        }
        boolean[] mentioned = {false};
        predicate.forEachCondition(c -> mentioned[0] |= c.field() == active);
        if (mentioned[0]) {
            return predicate;
        }
        Condition onlyActive = new Condition(active, "=", Boolean.TRUE, null, null);
        return new Predicate.And(List.of(new Predicate.Leaf(onlyActive), predicate));
    }

    private Predicate expression(ModelDef model) {
        if (pos >= terms.size()) {
            throw new OrmFault(FaultKind.VALUE_ERROR, domainClass() ? "Domain() malformed domain " + PyRepr.of(terms)
                    : "Domain " + PyRepr.of(terms) + " is syntactically not correct.");
        }
        Object term = terms.get(pos++);
        if ("&".equals(term)) {
            return new Predicate.And(List.of(expression(model), expression(model)));
        }
        if ("|".equals(term)) {
            return new Predicate.Or(List.of(expression(model), expression(model)));
        }
        if ("!".equals(term)) {
            return new Predicate.Not(expression(model));
        }
        if (term instanceof Boolean b) {
            return new Predicate.Const(b);
        }
        if (!(term instanceof List<?> leaf) || leaf.size() != 3) {
            if (domainClass()) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Domain() invalid item in domain: " + PyRepr.of(term));
            }
            if (term instanceof Number) {
                throw new OrmFault(FaultKind.RUNTIME_TYPE_ERROR, "'int' object is not subscriptable");
            }
            if (term instanceof List<?> l) {
                throw new OrmFault(FaultKind.VALUE_ERROR, (l.size() < 3 ? "not enough" : "too many")
                        + " values to unpack (expected 3, got " + l.size() + ")");
            }
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid domain term " + PyRepr.of(term));
        }
        if (!domainClass() && leaf.get(1) instanceof String op && (op.equals("in") || op.equals("not in"))
                && !(leaf.get(2) instanceof List<?>) && !Boolean.FALSE.equals(leaf.get(2))) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid domain term " + PyRepr.condition(leaf.get(0), op,
                    leaf.get(2)));
        }
        return leaf(model, leaf.get(0), leaf.get(1), leaf.get(2));
    }

    private Predicate leaf(ModelDef model, Object path, Object operator, Object value) {
        String condition = PyRepr.condition(path, operator, value);
        if (domainClass() && operator instanceof String negated
                && (negated.equalsIgnoreCase("not =like") || negated.equalsIgnoreCase("not =ilike"))) {
            return new Predicate.Not(leaf(model, path, negated.substring(4), value));
        }
        if (domainClass() && "any!".equals(operator) || "not any!".equals(operator) && domainClass()) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Domain() invalid item in domain: "
                    + PyRepr.of(List.of(path, operator, value)));
        }
        if (!(operator instanceof String op) || !OPERATORS.contains(op.toLowerCase())) {
            throw new OrmFault(FaultKind.VALUE_ERROR, (domainClass() ? "Invalid operator in condition "
                    : "Invalid leaf ") + condition);
        }
        String op2 = op.toLowerCase();
        if (path instanceof Number n && (n.intValue() == 0 || n.intValue() == 1) && "=".equals(op2)) {
            return new Predicate.Const(value instanceof Number v && v.intValue() == n.intValue());
        }
        if (!(path instanceof String p) || p.isEmpty()) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + model.name() + "." + path + " in condition "
                    + condition);
        }
        int dot = p.indexOf('.');
        String head = dot < 0 ? p : p.substring(0, dot);
        FieldDef field = model.field(head);
        if (field == null) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + model.name() + "." + head
                    + (domainClass() ? " in condition " : " in leaf ") + condition);
        }
        if (dot >= 0) {
            if (!field.type().relational()) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + model.name() + "." + p
                        + " in condition " + condition);
            }
            ModelDef comodel = db.model(field.relation());
            boolean negate = field.type().toMany() && NEGATIVE.contains(op2);
            String positive = negate ? positive(op2) : op2;
            Predicate sub = leaf(comodel, p.substring(dot + 1), positive, value);
            return new Predicate.Leaf(new Condition(field, negate ? "not any" : "any", null, sub, null));
        }
        if (op2.equals("any") || op2.equals("not any")) {
            if (!field.type().relational()) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Cannot use " + op2 + " on non-relational field in condition "
                        + condition);
            }
            Predicate sub = parse(db.model(field.relation()), value);
            return new Predicate.Leaf(new Condition(field, op2, value, sub, null));
        }
        Hierarchy hierarchy = null;
        if (op2.equals("child_of") || op2.equals("parent_of")) {
            ModelDef target = field.name().equals("id") ? model : field.relation() == null ? null
                    : db.model(field.relation());
            if (target == null) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid operator " + op2 + " on non-relational field in "
                        + "condition " + condition);
            }
            hierarchy = new Hierarchy(target.name(), Hierarchy.parentField(target));
        }
        return new Predicate.Leaf(new Condition(field, op2, value, null, hierarchy));
    }

    private static String positive(String negative) {
        return switch (negative) {
            case "!=" -> "=";
            case "not in" -> "in";
            case "not like" -> "like";
            default -> "ilike";
        };
    }
}
