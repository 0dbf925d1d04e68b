package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: the stored form stays H2's object type, but
 * two index keys are compared value by value, strings directly, instead of by serializing both keys
 * with Java serialization and comparing the bytes (what H2 does for a class that is not
 * {@link Comparable}). That comparison was close to half of all the time a full sync spent, since
 * every {@code _id} lookup, insert and update searches the index.
 *
 * <p>The order: keys compare by their values in turn, then by length; strings order by
 * {@link String#compareTo} and before any other value; other values in H2's object order (type,
 * then value, or serialized bytes for objects). Two keys compare equal exactly when their values do,
 * as before.
 */
final class IndexKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                int c = compareValue(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return super.compare(a, b);
    }

    private int compareValue(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        }
        if (a instanceof String) {
            return -1;
        }
        if (b instanceof String) {
            return 1;
        }
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return super.compare(a, b);
    }
}
