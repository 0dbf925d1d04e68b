package dev.odoobridge.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A WatermelonDB table fed from one synced Odoo model. Every record has the string {@code id} (the Odoo id as text,
 * or for a record a device created, that device's id for ever) and the number {@code odoo_id}; then the configured
 * columns. Archived Odoo records ({@code active = false}) are sent as deleted.
 *
 * <p>A writable table takes pushes: created records become Odoo creates carrying the device's id in
 * {@link #markerField()} (so a retried push finds them), updated ones writes of the changed columns, deleted ones
 * unlinks. A child table ({@link #parent()}) is written with its parent: lines of an order created in the same push
 * are created inside the order's create, in one Odoo call.
 *
 * @param name the table name on the device (a plain identifier, no dots)
 * @param model the Odoo model
 * @param columns the columns besides {@code id} and {@code odoo_id}
 * @param writable whether pushes are accepted
 * @param markerField the Odoo char field of created records that holds the device's id (null for child tables)
 * @param parent for a child table, how it hangs on its parent; else null
 * @param vendorScoped whether a vendor-scoped caller sees this table (only the rows of its products)
 */
public record FeedTable(String name, String model, List<FeedColumn> columns, boolean writable, String markerField,
                        ParentLink parent, boolean vendorScoped) {
    static final Set<String> RESERVED = Set.of("id", "odoo_id", "_status", "_changed");

    public FeedTable {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(model, "model == null");
        columns = List.copyOf(columns);
        if (!FeedColumn.IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("table name '" + name + "' is not a plain identifier (WatermelonDB "
                    + "table names have no dots)");
        }
        Set<String> seen = new HashSet<>();
        for (FeedColumn c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("table '" + name + "' has column '" + c.name() + "' twice");
            }
        }
        if (writable && markerField == null && parent == null) {
            throw new IllegalArgumentException("writable table '" + name + "' needs a marker field (an Odoo char field "
                    + "that holds the device's id of created records) or a parent");
        }
        if (parent != null && columns.stream().noneMatch(c -> c.name().equals(parent.column())
                && c.type() == ColumnType.REFERENCE)) {
            throw new IllegalArgumentException("table '" + name + "': parent column '" + parent.column()
                    + "' must be a reference column");
        }
    }

    /** A builder for a table of the model. */
    public static Builder builder(String name, String model) {
        return new Builder(name, model);
    }

    /** The column of this name. */
    public Optional<FeedColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** True when a column reads the derived stock view. */
    public boolean readsStock() {
        return vendorScoped || columns.stream().anyMatch(c -> c.type() == ColumnType.STOCK_ON_HAND);
    }

    /**
     * How a child table hangs on its parent.
     *
     * @param column the child's reference column pointing at the parent (e.g. {@code order_id})
     * @param parentTable the parent table's name
     * @param x2manyField the parent model's one2many holding the children (e.g. {@code order_line})
     */
    public record ParentLink(String column, String parentTable, String x2manyField) {
        public ParentLink {
            Objects.requireNonNull(column, "column == null");
            Objects.requireNonNull(parentTable, "parentTable == null");
            Objects.requireNonNull(x2manyField, "x2manyField == null");
        }
    }

    /** Builder of {@link FeedTable}. */
    public static final class Builder {
        private final String name;
        private final String model;
        private final List<FeedColumn> columns = new ArrayList<>();
        private boolean writable;
        private String markerField;
        private ParentLink parent;
        private boolean vendorScoped;

        private Builder(String name, String model) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.model = Objects.requireNonNull(model, "model == null");
        }

        /** Adds a column. */
        public Builder column(FeedColumn column) {
            columns.add(Objects.requireNonNull(column, "column == null"));
            return this;
        }

        /** Accepts pushes; created records carry the device's id in this Odoo char field. */
        public Builder writable(String marker) {
            this.writable = true;
            this.markerField = Objects.requireNonNull(marker, "marker == null");
            return this;
        }

        /** A child table written with its parent (accepts pushes of children of created parents). */
        public Builder childOf(String column, String parentTable, String x2manyField) {
            this.writable = true;
            this.parent = new ParentLink(column, parentTable, x2manyField);
            return this;
        }

        /** Visible to vendor-scoped callers, restricted to their products (needs the stock view). */
        public Builder vendorScoped() {
            this.vendorScoped = true;
            return this;
        }

        /** Validates and builds. */
        public FeedTable build() {
            return new FeedTable(name, model, columns, writable, markerField, parent, vendorScoped);
        }
    }
}
