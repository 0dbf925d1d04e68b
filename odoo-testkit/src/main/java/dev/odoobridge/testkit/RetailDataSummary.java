package dev.odoobridge.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link RetailDataGenerator} run wrote: record counts per model and the ids of objects
 * tests, demos and benchmarks look for, so nobody has to search for them.
 *
 * @param counts records inserted per model
 * @param companyId the res.company
 * @param warehouseIds stock.warehouse ids, one per shop
 * @param stockLocationIds each warehouse's internal stock location (stock.location)
 * @param supplierLocationId the shared Partners/Vendors location
 * @param customerLocationId the shared Partners/Customers location
 * @param inventoryLocationId the shared inventory adjustment location
 * @param vendorIds vendor res.partner ids; the first is the demo vendor
 * @param productsByPattern up to 20 product.product ids per demand pattern (empty list when none)
 * @param expiredLotIds up to 20 stock.lot ids already expired and still in stock (empty without product_expiry)
 * @param nearExpiryLotIds up to 20 stock.lot ids in stock that expire within 30 days (empty without
 *     product_expiry)
 * @param historyStart first day of sales history
 * @param historyEnd last day of sales history (the day before {@code now})
 * @param now the instant all generated dates are relative to
 */
public record RetailDataSummary(Map<String, Long> counts, long companyId, List<Long> warehouseIds,
        List<Long> stockLocationIds, long supplierLocationId, long customerLocationId, long inventoryLocationId,
        List<Long> vendorIds, Map<DemandPattern, List<Long>> productsByPattern, List<Long> expiredLotIds,
        List<Long> nearExpiryLotIds, LocalDate historyStart, LocalDate historyEnd, Instant now) {

    /** Copies every collection and checks that nothing is missing. */
    public RetailDataSummary {
        counts = Map.copyOf(Objects.requireNonNull(counts, "counts == null"));
        warehouseIds = List.copyOf(Objects.requireNonNull(warehouseIds, "warehouseIds == null"));
        stockLocationIds = List.copyOf(Objects.requireNonNull(stockLocationIds, "stockLocationIds == null"));
        vendorIds = List.copyOf(Objects.requireNonNull(vendorIds, "vendorIds == null"));
        Objects.requireNonNull(productsByPattern, "productsByPattern == null");
        EnumMap<DemandPattern, List<Long>> patterns = new EnumMap<>(DemandPattern.class);
        for (DemandPattern pattern : DemandPattern.values()) {
            patterns.put(pattern, List.copyOf(productsByPattern.getOrDefault(pattern, List.of())));
        }
        productsByPattern = Map.copyOf(patterns);
        expiredLotIds = List.copyOf(Objects.requireNonNull(expiredLotIds, "expiredLotIds == null"));
        nearExpiryLotIds = List.copyOf(Objects.requireNonNull(nearExpiryLotIds, "nearExpiryLotIds == null"));
        Objects.requireNonNull(historyStart, "historyStart == null");
        Objects.requireNonNull(historyEnd, "historyEnd == null");
        Objects.requireNonNull(now, "now == null");
    }

    /** Records of {@code model} inserted (0 when none). */
    public long count(String model) {
        return counts.getOrDefault(Objects.requireNonNull(model, "model == null"), 0L);
    }

    /** All records inserted. */
    public long totalRecords() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The vendor the demo and the vendor-facing examples use: the first vendor. */
    public long demoVendorId() {
        return vendorIds.get(0);
    }

    /** A product.product id with the given demand pattern, if the catalogue has one. */
    public OptionalLong exampleProduct(DemandPattern pattern) {
        List<Long> ids = productsByPattern.get(Objects.requireNonNull(pattern, "pattern == null"));
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }

    /** An expired lot that still has stock, if any. */
    public OptionalLong expiredLotId() {
        return expiredLotIds.isEmpty() ? OptionalLong.empty() : OptionalLong.of(expiredLotIds.get(0));
    }

    /** A lot in stock that expires within 30 days, if any. */
    public OptionalLong nearExpiryLotId() {
        return nearExpiryLotIds.isEmpty() ? OptionalLong.empty() : OptionalLong.of(nearExpiryLotIds.get(0));
    }
}
