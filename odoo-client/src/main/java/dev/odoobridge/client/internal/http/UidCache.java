package dev.odoobridge.client.internal.http;

import java.util.function.IntSupplier;

/**
 * The authenticated user's id, fetched once by whichever thread asks first and shared by all
 * transports' calls; {@link #forget(int)} drops it after the server refused the credentials.
 */
public final class UidCache {
    private final Object lock = new Object();
    private volatile Integer uid;

    /** The cached uid, or the result of {@code login} (run once even when many threads ask). */
    public int get(IntSupplier login) {
        Integer cached = uid;
        if (cached != null) {
            return cached;
        }
        synchronized (lock) {
            if (uid == null) {
                uid = login.getAsInt();
            }
            return uid;
        }
    }

    /** Forgets {@code stale} (if it is still the cached uid) so the next call logs in again. */
    public void forget(int stale) {
        synchronized (lock) {
            if (uid != null && uid == stale) {
                uid = null;
            }
        }
    }
}
