package dev.odoobridge.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.error.ServerFault;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.client.spi.OdooTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallExecutorTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 1.0);
    private final List<String> events = new ArrayList<>();
    private final OdooClientListener recorder = new OdooClientListener() {
        @Override
        public void requestStarted(CallInfo call) {
            events.add("start " + call.method() + " #" + call.attempt());
        }

        @Override
        public void requestSucceeded(CallInfo call, Duration elapsed) {
            events.add("ok #" + call.attempt());
        }

        @Override
        public void requestFailed(CallInfo call, Duration elapsed, OdooException failure, boolean willRetry) {
            events.add("fail #" + call.attempt() + (willRetry ? " retry" : ""));
        }
    };

    private static OdooTransportException reset() {
        return new OdooTransportException(Kind.CONNECTION_RESET, 0, "reset", null);
    }

    @Test
    void retriesIdempotentCallsOnRetryableFailures() {
        AtomicInteger calls = new AtomicInteger();
        String result = new CallExecutor(new NamedTransport(), FAST, recorder).run("m", "read", true, () -> {
            if (calls.incrementAndGet() < 3) {
                throw reset();
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(events).containsExactly("start read #1", "fail #1 retry", "start read #2", "fail #2 retry",
                "start read #3", "ok #3");
    }

    @Test
    void neverRetriesNonIdempotentCalls() {
        AtomicInteger calls = new AtomicInteger();
        CallExecutor ex = new CallExecutor(new NamedTransport(), FAST, recorder);
        assertThatThrownBy(() -> ex.run("m", "create", false, () -> {
            calls.incrementAndGet();
            throw reset();
        })).isInstanceOf(OdooTransportException.class);
        assertThat(calls).hasValue(1);
        assertThat(events).containsExactly("start create #1", "fail #1");
    }

    @Test
    void neverRetriesNonRetryableFailuresAndStopsAfterMaxAttempts() {
        AtomicInteger calls = new AtomicInteger();
        CallExecutor ex = new CallExecutor(new NamedTransport(), FAST, OdooClientListener.NONE);
        assertThatThrownBy(() -> ex.run("m", "read", true, () -> {
            calls.incrementAndGet();
            throw FaultClassifier.classify("m", "read", new ServerFault("ValueError", "bad", null, 0, 200));
        })).isInstanceOf(OdooException.class);
        assertThat(calls).hasValue(1);
        calls.set(0);
        assertThatThrownBy(() -> ex.run("m", "read", true, () -> {
            calls.incrementAndGet();
            throw reset();
        })).isInstanceOf(OdooTransportException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void listenerExceptionsAreIgnored() {
        OdooClientListener throwing = new OdooClientListener() {
            @Override
            public void requestStarted(CallInfo call) {
                throw new IllegalStateException("listener bug");
            }
        };
        assertThat(new CallExecutor(new NamedTransport(), FAST, throwing).run("m", "read", true, () -> 7)).isEqualTo(7);
    }

    private static final class NamedTransport implements OdooTransport {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public ServerVersion version() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public int authenticate() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Object execute(OdooCall call) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void close() {
        }
    }
}
