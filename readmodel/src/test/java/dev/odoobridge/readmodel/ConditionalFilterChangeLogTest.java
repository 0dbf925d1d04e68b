package dev.odoobridge.readmodel;

/** {@link ChangeLogTest} with the version guard in each upsert's filter, as against a MongoDB server. */
class ConditionalFilterChangeLogTest extends ChangeLogTest {
    @Override
    GuardStrategy strategy() {
        return GuardStrategy.CONDITIONAL_FILTER;
    }
}
