package dev.odoobridge.readmodel.stock;

/**
 * A product's stock in one warehouse.
 *
 * @param warehouseId Odoo stock.warehouse id, or 0 for internal locations outside any warehouse
 * @param warehouseName its name, or null when unknown
 * @param onHand quantity in the warehouse's internal locations
 * @param reserved reserved part of it
 * @param incoming quantity of confirmed / assigned moves arriving from outside
 * @param minQty reordering-rule minimum for the warehouse (0 when there is none)
 */
public record WarehouseStock(long warehouseId, String warehouseName, double onHand, double reserved, double incoming,
                             double minQty) {
}
