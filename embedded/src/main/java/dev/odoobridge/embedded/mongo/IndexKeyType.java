package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: two index keys are compared value by value, strings directly,
 * instead of by serializing both keys with Java serialization and comparing the bytes (what H2 does for a class that
 * is not {@link Comparable}). That comparison was close to half of all the time a full sync spent, since every
 * {@code _id} lookup, insert and update searches the index.
 *
 * <p>A key is stored as its values in turn, each in H2's object form (strings and numbers as they are, rarer values
 * still Java-serialized), behind a tag byte H2's object type never writes, instead of the whole key Java-serialized:
 * reading an index page from the file deserialized every key of it with an {@code ObjectInputStream} of its own,
 * about a kilobyte of garbage and microseconds of work per key, on every lookup whose page was not cached. Keys
 * written whole by an earlier version are still read, so an older file opens as it is; its pages move to this form
 * as they are rewritten.
 *
 * <p>The order: keys compare by their values in turn, then by length; strings order by
 * {@link String#compareTo} and before any other value; other values in H2's object order (type,
 * then value, or serialized bytes for objects). Two keys compare equal exactly when their values do,
 * as before.
 */
final class IndexKeyType extends ObjectDataType {
    /** Not a type or tag byte of {@link ObjectDataType} (they end at 119), nor the stored documents' tag. */
    static final byte KEY_TAG = 126;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof KeyValue key)) {
            super.write(buff, obj);
            return;
        }
        buff.put(KEY_TAG).putVarInt(key.size());
        for (Object value : key) {
            super.write(buff, value);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != KEY_TAG) {
            return super.read(buff);
        }
        buff.get();
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            values[i] = super.read(buff);
        }
        return new KeyValue(values);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue key) {
            int memory = 48;
            for (Object value : key) {
                memory += super.getMemory(value);
            }
            return memory;
        }
        return super.getMemory(obj);
    }

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
