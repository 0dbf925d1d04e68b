package dev.odoobridge.readmodel;

/** Every stock view test again with the guard in each upsert's filter, as used against a MongoDB server. */
class ConditionalFilterStockViewsTest extends StockViewsTest {
    @Override
    GuardStrategy strategy() {
        return GuardStrategy.CONDITIONAL_FILTER;
    }
}
