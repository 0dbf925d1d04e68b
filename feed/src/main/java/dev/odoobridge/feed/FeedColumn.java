package dev.odoobridge.feed;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One WatermelonDB column of a {@link FeedTable}: its name on the device, the read-model field it comes from and how
 * the value is converted.
 *
 * @param name the column name on the device (a plain identifier)
 * @param field the Odoo field (as projected in the read model); for {@link ColumnType#STOCK_ON_HAND} unused
 * @param type the conversion
 * @param refModel for {@link ColumnType#REFERENCE}, the Odoo model referenced; else null
 * @param warehouseId for {@link ColumnType#STOCK_ON_HAND}, the warehouse (null = every warehouse); else null
 */
public record FeedColumn(String name, String field, ColumnType type, String refModel, Long warehouseId) {
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public FeedColumn {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name + "' is not a plain identifier");
        }
        if (FeedTable.RESERVED.contains(name)) {
            throw new IllegalArgumentException("column name '" + name + "' is reserved (id, odoo_id, _status, _changed)");
        }
        if (type == ColumnType.REFERENCE && refModel == null) {
            throw new IllegalArgumentException("reference column '" + name + "' needs the referenced model");
        }
        if (type != ColumnType.STOCK_ON_HAND) {
            Objects.requireNonNull(field, "field of column '" + name + "' == null");
        }
    }

    /** A text column. */
    public static FeedColumn text(String name, String field) {
        return new FeedColumn(name, field, ColumnType.STRING, null, null);
    }

    /** A number column. */
    public static FeedColumn number(String name, String field) {
        return new FeedColumn(name, field, ColumnType.NUMBER, null, null);
    }

    /** A boolean column. */
    public static FeedColumn bool(String name, String field) {
        return new FeedColumn(name, field, ColumnType.BOOLEAN, null, null);
    }

    /** A datetime column sent as epoch milliseconds. */
    public static FeedColumn timestamp(String name, String field) {
        return new FeedColumn(name, field, ColumnType.TIMESTAMP, null, null);
    }

    /** A many2one column holding the WatermelonDB id of the referenced record. */
    public static FeedColumn reference(String name, String field, String refModel) {
        return new FeedColumn(name, field, ColumnType.REFERENCE, Objects.requireNonNull(refModel, "refModel == null"), null);
    }

    /** Quantity on hand in every warehouse of the source, from the stock view. */
    public static FeedColumn onHand(String name) {
        return new FeedColumn(name, null, ColumnType.STOCK_ON_HAND, null, null);
    }

    /** Quantity on hand in one warehouse, from the stock view. */
    public static FeedColumn onHand(String name, long warehouseId) {
        return new FeedColumn(name, null, ColumnType.STOCK_ON_HAND, null, warehouseId);
    }

    /**
     * True when a push may set this column: not stock, not a bookkeeping field such as {@code _write_date} (a device
     * sends those too; their values are checked and then ignored).
     */
    public boolean writable() {
        return type != ColumnType.STOCK_ON_HAND && !field.startsWith("_");
    }
}
