package dev.odoobridge.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The short MongoDB timeouts added to configured connection strings. */
class BridgeRuntimeTest {
    @Test
    void addsTimeoutsToAUriWithoutPathOrOptions() {
        assertThat(BridgeRuntime.withTimeouts("mongodb://127.0.0.1:1"))
                .isEqualTo("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=5000&connectTimeoutMS=5000");
    }

    @Test
    void appendsToExistingOptionsAndKeepsTheDatabasePath() {
        assertThat(BridgeRuntime.withTimeouts("mongodb://h1,h2/db?replicaSet=rs0"))
                .isEqualTo("mongodb://h1,h2/db?replicaSet=rs0&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000");
        assertThat(BridgeRuntime.withTimeouts("mongodb+srv://u:p@cluster.example.net?tls=true"))
                .isEqualTo("mongodb+srv://u:p@cluster.example.net/?tls=true&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000");
    }

    @Test
    void keepsTimeoutsTheUserChose() {
        assertThat(BridgeRuntime.withTimeouts("mongodb://h/?serverSelectionTimeoutMS=30000"))
                .isEqualTo("mongodb://h/?serverSelectionTimeoutMS=30000&connectTimeoutMS=5000");
        assertThat(BridgeRuntime.withTimeouts("mongodb://h/?connecttimeoutms=1&serverselectiontimeoutms=2"))
                .isEqualTo("mongodb://h/?connecttimeoutms=1&serverselectiontimeoutms=2");
    }
}
