package dev.odoobridge.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.state.StateStore;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class ServeBuilderTest {
    /** A state database the builder may name but never use: these tests check validation, which opens nothing. */
    static final StateDatabase NO_DATABASE = new StateDatabase() {
        @Override
        public DataSource dataSource() {
            throw new UnsupportedOperationException("the builder's validation must not open the state database");
        }

        @Override
        public StateStore stateStore() {
            throw new UnsupportedOperationException("the builder's validation must not open the state database");
        }

        @Override
        public int schemaVersion() {
            return 0;
        }

        @Override
        public String describe() {
            return "none";
        }

        @Override
        public void close() {
        }
    };

    static final Handler OK = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            callback.succeeded();
            return true;
        }
    };

    @Test
    void leaseOwnersAreUniquePerCallAndNameHostAndPid() {
        String a = Serve.newLeaseOwner();
        String b = Serve.newLeaseOwner();
        assertThat(a).isNotEqualTo(b);
        assertThat(a).contains(":" + ProcessHandle.current().pid() + ":serve-");
    }

    @Test
    void mountsMayNotTakeServesOwnPathsOrRepeat() {
        Serve.Builder b = Serve.builder(NO_DATABASE).mount("/metrics", OK).mount("/api/v1/", OK).mount("/sync/", OK);
        assertThatThrownBy(() -> b.mount("/metrics/", OK)).hasMessageContaining("mounted twice");
        assertThatThrownBy(() -> b.mount("/admin/x", OK)).hasMessageContaining("served by serve itself");
        assertThatThrownBy(() -> b.mount("/webhook", OK)).hasMessageContaining("served by serve itself");
        assertThatThrownBy(() -> b.mount("/health/", OK)).hasMessageContaining("served by serve itself");
        assertThatThrownBy(() -> b.mount("/", OK)).hasMessageContaining("a path like");
        assertThatThrownBy(() -> b.mount("metrics", OK)).hasMessageContaining("a path like");
        assertThat(b.mount("/healthz", OK)).isSameAs(b);
    }

    @Test
    void theAdminTokenHasAtLeast24Characters() {
        assertThatThrownBy(() -> Serve.builder(NO_DATABASE).adminToken("x".repeat(23))).hasMessageContaining("24");
        assertThat(Serve.builder(NO_DATABASE).adminToken("x".repeat(24))).isNotNull();
    }

    @Test
    void theStopBudgetStaysWithinReason() {
        assertThatThrownBy(() -> Serve.builder(NO_DATABASE).stopTimeout(Duration.ofMillis(500))).hasMessageContaining("2 s");
        assertThatThrownBy(() -> Serve.builder(NO_DATABASE).port(70_000)).hasMessageContaining("0..65535");
    }
}
