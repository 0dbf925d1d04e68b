package dev.odoobridge.testkit.internal.data;

/**
 * Ids of the master records every later writer refers to. Arrays are owned by the run and never
 * modified after construction.
 *
 * @param companyId res.company
 * @param companyPartnerId the company's res.partner
 * @param supplierLocationId Partners/Vendors
 * @param customerLocationId Partners/Customers
 * @param inventoryLocationId Virtual Locations/Inventory adjustment
 * @param warehouseIds stock.warehouse per shop
 * @param warehouseCodes short code per shop
 * @param stockLocationIds internal stock location per shop
 * @param shelfLocationIds internal sub-locations of each shop's stock location
 * @param leafCategoryIds product.category per {@link Vocabulary#LEAVES} entry
 * @param vendorIds vendor res.partner ids
 * @param buyerIds res.partner ids that place orders (people, companies and their contacts)
 */
record MasterData(long companyId, long companyPartnerId, long supplierLocationId, long customerLocationId,
        long inventoryLocationId, long[] warehouseIds, String[] warehouseCodes, long[] stockLocationIds,
        long[][] shelfLocationIds, long[] leafCategoryIds, long[] vendorIds, long[] buyerIds) {
}
