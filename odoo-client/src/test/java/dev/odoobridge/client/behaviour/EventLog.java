package dev.odoobridge.client.behaviour;

import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.spi.OdooClientListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every event, for assertions. */
final class EventLog implements OdooClientListener {

    /**
     * One event.
     *
     * @param kind "start", "ok" or "fail"
     * @param call what was called
     * @param elapsed the attempt's duration (null for "start")
     * @param failure the failure (only for "fail")
     * @param willRetry whether the client retries (only for "fail")
     */
    record Event(String kind, CallInfo call, Duration elapsed, OdooException failure, boolean willRetry) {
        /** Compact form for sequence assertions, e.g. {@code "fail search_read #1 retry"}. */
        String brief() {
            return kind + " " + call.method() + " #" + call.attempt() + (willRetry ? " retry" : "");
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void requestStarted(CallInfo call) {
        events.add(new Event("start", call, null, null, false));
    }

    @Override
    public void requestSucceeded(CallInfo call, Duration elapsed) {
        events.add(new Event("ok", call, elapsed, null, false));
    }

    @Override
    public void requestFailed(CallInfo call, Duration elapsed, OdooException failure, boolean willRetry) {
        events.add(new Event("fail", call, elapsed, failure, willRetry));
    }

    List<String> briefs() {
        return events.stream().map(Event::brief).toList();
    }
}
