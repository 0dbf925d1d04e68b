package dev.odoobridge.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world collections of this JVM while a phase runs (count, longest, total), so a paced rate's tail can
 * be told apart: a collection in its seconds, or the machine. Concurrent cycles (G1's marking, ZGC's work) are not
 * pauses and are not counted.
 */
final class PhasePauses implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private int count;
    private long longestMillis;
    private long totalMillis;

    private PhasePauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts counting now. */
    static PhasePauses start() {
        return new PhasePauses();
    }

    private synchronized void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Cycles") || info.getGcName().contains("Concurrent")) {
            return; // ZGC's and Shenandoah's cycles run beside the application
        }
        long millis = info.getGcInfo().getDuration();
        count++;
        totalMillis += millis;
        longestMillis = Math.max(longestMillis, millis);
    }

    /** What was counted, as "2 GC pauses, longest 14 ms, 25 ms in all" or "no GC pause". */
    synchronized String describe() {
        return count == 0 ? "no GC pause"
                : String.format("%d GC pause%s, longest %d ms, %d ms in all", count, count == 1 ? "" : "s", longestMillis,
                totalMillis);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // not registered: nothing to remove
            }
        }
    }
}
