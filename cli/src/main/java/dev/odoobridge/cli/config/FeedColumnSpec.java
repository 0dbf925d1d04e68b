package dev.odoobridge.cli.config;

import dev.odoobridge.feed.ColumnType;
import dev.odoobridge.feed.FeedColumn;
import dev.odoobridge.feed.FeedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code feed.columns.<table>}: a built-in column kept under its own name ({@code barcode}), kept under
 * another name ({@code price=list_price}), or the quantity on hand at one warehouse ({@code qty_main=qty_on_hand@1},
 * by the warehouse's Odoo id).
 *
 * @param name the column's name on the device
 * @param builtIn the built-in column it is made from
 * @param warehouseId for an on-hand column, the warehouse; else empty
 */
public record FeedColumnSpec(String name, String builtIn, Optional<Long> warehouseId) {
    private static final Pattern ENTRY = Pattern.compile(
            "([a-z_][a-z0-9_]*)(?:\\s*=\\s*([a-z_][a-z0-9_]*)(?:@(\\d{1,18}))?)?");

    /** Parses one entry; a message saying what is wrong when it is malformed. */
    public static FeedColumnSpec parse(String entry) {
        Matcher m = ENTRY.matcher(entry.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not a column: write `name`, `name=column` or "
                    + "`name=qty_on_hand@<warehouse id>` (lower-case identifiers)");
        }
        String builtIn = m.group(2) == null ? m.group(1) : m.group(2);
        return new FeedColumnSpec(m.group(1), builtIn, Optional.ofNullable(m.group(3)).map(Long::parseLong));
    }

    /**
     * The table with only these columns, renamed as given (the id columns stay); a message naming the column when
     * one is not a column of the table, or a warehouse is given for a column that is not a quantity on hand.
     */
    public static FeedTable apply(FeedTable table, List<FeedColumnSpec> specs) {
        List<FeedColumn> columns = new ArrayList<>();
        for (FeedColumnSpec s : specs) {
            FeedColumn c = table.column(s.builtIn()).orElseThrow(() -> new IllegalArgumentException("table '"
                    + table.name() + "' has no column '" + s.builtIn() + "'; its columns: "
                    + table.columns().stream().map(FeedColumn::name).toList()));
            if (s.warehouseId().isPresent()) {
                if (c.type() != ColumnType.STOCK_ON_HAND) {
                    throw new IllegalArgumentException("'" + s.builtIn() + "@" + s.warehouseId().get() + "': only a "
                            + "quantity on hand column takes a warehouse");
                }
                columns.add(FeedColumn.onHand(s.name(), s.warehouseId().get()));
            } else {
                columns.add(new FeedColumn(s.name(), c.field(), c.type(), c.refModel(), c.warehouseId()));
            }
        }
        return new FeedTable(table.name(), table.model(), columns, table.writable(), table.markerField(),
                table.parent(), table.vendorScoped());
    }
}
