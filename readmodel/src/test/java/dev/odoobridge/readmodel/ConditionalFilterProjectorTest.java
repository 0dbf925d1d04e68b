package dev.odoobridge.readmodel;

/** Every projector test again with the guard in each upsert's filter, as used against a MongoDB server. */
class ConditionalFilterProjectorTest extends ProjectorTest {
    @Override
    GuardStrategy strategy() {
        return GuardStrategy.CONDITIONAL_FILTER;
    }
}
