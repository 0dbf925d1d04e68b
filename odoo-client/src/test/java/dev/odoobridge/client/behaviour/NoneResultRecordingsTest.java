package dev.odoobridge.client.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.testing.CapturingOdoo;
import dev.odoobridge.client.testing.RecordedAnswers;
import dev.odoobridge.client.testing.RecordedAnswers.Answer;
import dev.odoobridge.client.testing.RecordedCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Methods that return None ({@code action_archive}, {@code action_unarchive},
 * {@code stock.quant.action_apply_inventory}, {@code mail.mail.send}) did their work on every
 * recorded version, but XML-RPC answers a "cannot marshal None" fault, JSON-RPC leaves out
 * {@code result} and JSON-2 answers {@code null}. The client answers null, sends the call once
 * (a retry would apply the change twice) even with retries configured, and never throws.
 */
class NoneResultRecordingsTest {
    private static final Set<String> NONE_SCENARIOS = Set.of("action_archive", "action_unarchive",
            "quant-action_apply_inventory", "mail-send");
    private static CapturingOdoo odoo;

    @BeforeAll
    static void start() {
        odoo = new CapturingOdoo(method -> {
            throw new AssertionError("every answer is replayed");
        });
    }

    @AfterAll
    static void stop() {
        odoo.close();
    }

    static Stream<Answer> noneAnswers() {
        return RecordedCalls.VERSIONS.stream().flatMap(v -> RecordedAnswers.conformance(v).stream())
                .filter(a -> NONE_SCENARIOS.contains(a.scenario()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noneAnswers")
    void answersNullOnceWithoutRaising(Answer answer) {
        String body = new String(answer.response(), StandardCharsets.UTF_8);
        switch (answer.transport()) {
            case "xmlrpc" -> assertThat(body).contains("<fault>")
                    .contains("TypeError: cannot marshal None unless allow_none is enabled");
            case "jsonrpc" -> assertThat(body).doesNotContain("\"result\"").doesNotContain("\"error\"");
            default -> assertThat(body.strip()).isEqualTo("null");
        }
        odoo.clear();
        odoo.replayOrm(answer.raw());
        RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);
        try (OdooClient client = RecordedReplies.client(odoo.url(), RecordedReplies.transport(answer.transport()), retries)) {
            assertThat(RecordedReplies.callAgain(client, answer)).isNull();
        }
        assertThat(odoo.captured()).as("sent once").hasSize(1);
    }
}
