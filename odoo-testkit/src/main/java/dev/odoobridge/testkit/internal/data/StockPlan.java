package dev.odoobridge.testkit.internal.data;

/**
 * Stock decisions per (product, warehouse) slot {@code product * warehouses + warehouse}: the
 * reordering rule, the quantity on hand at "now", the units delivered over the history and the
 * time of the last stock move; plus the lots of each perishable product. Owned by one run.
 */
final class StockPlan {

    static final byte LOT_FRESH = 0;
    static final byte LOT_NEAR_EXPIRY = 1;
    static final byte LOT_EXPIRED = 2;

    final int warehouses;
    final int[] minQty;
    final int[] maxQty;
    final int[] finalQty;
    final long[] delivered;
    final long[] lastMoveSecond;
    /** Index of the product's first lot in {@link #lotIds}; lots of product p are [lotStart[p], lotStart[p+1]). */
    final int[] lotStart;
    long[] lotIds = new long[0];
    byte[] lotClasses = new byte[0];
    long[] lotCreated = new long[0];

    StockPlan(int products, int warehouses) {
        int slots = products * warehouses;
        this.warehouses = warehouses;
        this.minQty = new int[slots];
        this.maxQty = new int[slots];
        this.finalQty = new int[slots];
        this.delivered = new long[slots];
        this.lastMoveSecond = new long[slots];
        this.lotStart = new int[products + 1];
    }

    int slot(int product, int warehouse) {
        return product * warehouses + warehouse;
    }

    boolean hasOrderpoint(int slot) {
        return minQty[slot] > 0;
    }
}
