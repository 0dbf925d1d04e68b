package dev.odoobridge.testkit.internal.orm;

/** Told about every create, write and unlink (after commit), e.g. to post webhooks. Must not throw. */
@FunctionalInterface
public interface ChangeListener {
    /** One record changed. */
    void onChange(ChangeEvent event);
}
