package dev.odoobridge.testkit.internal.orm;

import java.util.List;
import java.util.function.Consumer;

/** A parsed domain: tests one record of one table. */
sealed interface Predicate {
    boolean test(Records records, Table table, int id);

    /** Visits the conditions of this model (not those inside {@code any} sub-domains). */
    default void forEachCondition(Consumer<Condition> visitor) {
    }

    /** Constant true or false (empty domain, {@code (1, '=', 1)}, {@code (0, '=', 1)}). */
    record Const(boolean value) implements Predicate {
        @Override
        public boolean test(Records records, Table table, int id) {
            return value;
        }
    }

    /** All of the parts. */
    record And(List<Predicate> parts) implements Predicate {
        @Override
        public boolean test(Records records, Table table, int id) {
            for (Predicate part : parts) {
                if (!part.test(records, table, id)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void forEachCondition(Consumer<Condition> visitor) {
            parts.forEach(p -> p.forEachCondition(visitor));
        }
    }

    /** Any of the parts. */
    record Or(List<Predicate> parts) implements Predicate {
        @Override
        public boolean test(Records records, Table table, int id) {
            for (Predicate part : parts) {
                if (part.test(records, table, id)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void forEachCondition(Consumer<Condition> visitor) {
            parts.forEach(p -> p.forEachCondition(visitor));
        }
    }

    /** The negation. */
    record Not(Predicate part) implements Predicate {
        @Override
        public boolean test(Records records, Table table, int id) {
            return !part.test(records, table, id);
        }

        @Override
        public void forEachCondition(Consumer<Condition> visitor) {
            part.forEachCondition(visitor);
        }
    }

    /** One condition on a field of this model. */
    record Leaf(Condition condition) implements Predicate {
        @Override
        public boolean test(Records records, Table table, int id) {
            return condition.test(records, table, id);
        }

        @Override
        public void forEachCondition(Consumer<Condition> visitor) {
            visitor.accept(condition);
        }
    }
}
