package dev.odoobridge.testkit.internal.data;

import dev.odoobridge.testkit.DemandPattern;
import java.util.SplittableRandom;

/**
 * Daily demand per product and warehouse. The demand of one (product, warehouse, day) is a pure
 * function of the seed and those three numbers (a stateless SplitMix64 stream), so it can be
 * evaluated twice — once to size the opening stock, once to write the orders — without storing
 * a product × day matrix.
 */
final class DemandModel {

    /** Weekday multipliers, Monday first (epoch day 0 was a Thursday). */
    private static final double[] WEEKLY = {0.75, 0.8, 0.85, 0.95, 1.25, 1.7, 0.7};
    private static final DemandPattern[] PATTERNS = DemandPattern.values();

    private final long seed;
    private final int warehouses;
    private final int days;
    private final long firstDay;
    private final byte[] patterns;
    private final double[] rates;
    private final double[] shapes;
    private final double[] warehouseFactors;

    DemandModel(long seed, int products, int warehouses, Timeline time, int maxSaleLines, SplittableRandom random) {
        this.seed = seed;
        this.warehouses = warehouses;
        this.days = time.days();
        this.firstDay = time.firstDay();
        this.patterns = new byte[products];
        this.rates = new double[products];
        this.shapes = new double[products];
        this.warehouseFactors = new double[warehouses];
        for (int w = 0; w < warehouses; w++) {
            warehouseFactors[w] = w == 0 ? 1.0 : 0.5 + 0.5 * random.nextDouble();
        }
        double expectedLines = 0;
        for (int p = 0; p < products; p++) {
            int roll = random.nextInt(100);
            DemandPattern pattern = roll < 40 ? DemandPattern.SMOOTH
                    : roll < 70 ? DemandPattern.INTERMITTENT
                    : roll < 85 ? DemandPattern.TRENDING : DemandPattern.SEASONAL;
            patterns[p] = (byte) pattern.ordinal();
            switch (pattern) {
                case INTERMITTENT -> {
                    rates[p] = 0.03 + 0.09 * random.nextDouble();
                    shapes[p] = 2.0 + 8.0 * random.nextDouble();
                }
                case TRENDING -> {
                    rates[p] = 0.3 + 2.2 * random.nextDouble();
                    shapes[p] = -0.6 + 2.6 * random.nextDouble();
                }
                default -> rates[p] = 0.3 * Math.exp(random.nextDouble() * Math.log(13.0));
            }
            expectedLines += expectedLines(p);
        }
        double share = expectedLines <= maxSaleLines ? 1.0 : maxSaleLines / expectedLines;
        boolean[] seen = new boolean[PATTERNS.length];
        for (int p = 0; p < products; p++) {
            boolean sells = share >= 1.0 || random.nextDouble() < share;
            if (!sells && !seen[patterns[p]] && maxSaleLines > 0) {
                sells = true;
            }
            if (sells) {
                seen[patterns[p]] = true;
            } else {
                patterns[p] = (byte) DemandPattern.NONE.ordinal();
            }
        }
    }

    /** The product's pattern; {@link DemandPattern#NONE} when it has no sales history. */
    DemandPattern pattern(int product) {
        return PATTERNS[patterns[product]];
    }

    boolean sells(int product) {
        return patterns[product] != DemandPattern.NONE.ordinal();
    }

    /** Units demanded of {@code product} in {@code warehouse} on history day {@code day} (0-based). */
    int demand(int product, int warehouse, int day) {
        byte pattern = patterns[product];
        if (pattern == DemandPattern.NONE.ordinal()) {
            return 0;
        }
        long state = mix(seed ^ (product + 1L) * 0x9E3779B97F4A7C15L ^ (warehouse + 1L) * 0xC2B2AE3D27D4EB4FL
                ^ (day + 1L) * 0x165667B19E3779F9L);
        double factor = warehouseFactors[warehouse];
        double rate = rates[product];
        if (pattern == DemandPattern.INTERMITTENT.ordinal()) {
            state += 0x9E3779B97F4A7C15L;
            if (uniform(state) >= rate * factor) {
                return 0;
            }
            return 1 + poisson(shapes[product] - 1.0, state);
        }
        double lambda = rate * factor;
        if (pattern == DemandPattern.TRENDING.ordinal()) {
            lambda *= Math.max(0.05, 1.0 + shapes[product] * day / days);
        } else if (pattern == DemandPattern.SEASONAL.ordinal()) {
            lambda *= WEEKLY[(int) Math.floorMod(firstDay + day + 3, 7L)];
        }
        return poisson(lambda, state);
    }

    private double expectedLines(int p) {
        double perDay = 0;
        for (int w = 0; w < warehouses; w++) {
            double f = warehouseFactors.length > w ? warehouseFactors[w] : 1.0;
            perDay += switch (PATTERNS[patterns[p]]) {
                case INTERMITTENT -> rates[p] * f;
                case TRENDING -> 1.0 - Math.exp(-rates[p] * f * Math.max(0.05, 1.0 + shapes[p] / 2));
                default -> 1.0 - Math.exp(-rates[p] * f);
            };
        }
        return perDay * days;
    }

    /** Knuth's method for small rates, a rounded normal approximation for large ones. */
    private static int poisson(double lambda, long state) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            state += 0x9E3779B97F4A7C15L;
            double u1 = Math.max(uniform(state), 1e-12);
            state += 0x9E3779B97F4A7C15L;
            double u2 = uniform(state);
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
        }
        double limit = Math.exp(-lambda);
        double product = 1.0;
        int k = -1;
        do {
            k++;
            state += 0x9E3779B97F4A7C15L;
            product *= uniform(state);
        } while (product > limit);
        return k;
    }

    private static double uniform(long state) {
        return (mix(state) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
