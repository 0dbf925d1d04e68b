package dev.odoobridge.testkit.internal.data;

/**
 * The generated products, one slot per product index, in primitive arrays so that 100,000+
 * products stay compact. Filled by {@link CatalogWriter}; read-only afterwards.
 */
final class Catalog {

    final int size;
    final long[] templateIds;
    final long[] productIds;
    final String[] codes;
    final String[] lineNames;
    final double[] listPrices;
    final double[] vendorPrices;
    final byte[] leaves;
    final int[] primaryVendors;
    final int[] packs;
    final int[] leadDays;

    Catalog(int size) {
        this.size = size;
        this.templateIds = new long[size];
        this.productIds = new long[size];
        this.codes = new String[size];
        this.lineNames = new String[size];
        this.listPrices = new double[size];
        this.vendorPrices = new double[size];
        this.leaves = new byte[size];
        this.primaryVendors = new int[size];
        this.packs = new int[size];
        this.leadDays = new int[size];
    }

    boolean perishable(int product) {
        return Vocabulary.LEAVES.get(leaves[product]).perishable();
    }

    static double money(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
