package dev.odoobridge.testkit.internal.orm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Test helper: a FakeOrm on a settable clock with short call methods. */
final class Orm {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T19:14:41.250000Z"));
    final FakeOrm orm = new FakeOrm(clock);

    Object call(String model, String method, List<Object> args, Map<String, Object> kwargs) {
        return orm.execute(new OrmRequest(model, method, null, args, kwargs, 2));
    }

    Object callAs(int uid, String model, String method, List<Object> args, Map<String, Object> kwargs) {
        return orm.execute(new OrmRequest(model, method, null, args, kwargs, uid));
    }

    Object json2(String model, String method, List<Object> ids, Map<String, Object> kwargs) {
        return orm.execute(new OrmRequest(model, method, ids, List.of(), kwargs, 2, true));
    }

    int create(String model, Map<String, Object> vals) {
        return ((Number) call(model, "create", List.of(vals), Map.of())).intValue();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> searchRead(String model, List<Object> domain, List<String> fields, Map<String, Object>
            extra) {
        Map<String, Object> kwargs = new java.util.HashMap<>(extra);
        kwargs.put("fields", fields);
        return (List<Map<String, Object>>) call(model, "search_read", List.of(domain), kwargs);
    }

    @SuppressWarnings("unchecked")
    List<Integer> search(String model, List<Object> domain) {
        return (List<Integer>) call(model, "search", List.of(domain), Map.of("context", Map.of("active_test", false)));
    }

    @SuppressWarnings("unchecked")
    List<Integer> search(String model, List<Object> domain, Map<String, Object> kwargs) {
        return (List<Integer>) call(model, "search", List.of(domain), kwargs);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advanceMicros(long micros) {
            now = now.plusNanos(micros * 1000);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
