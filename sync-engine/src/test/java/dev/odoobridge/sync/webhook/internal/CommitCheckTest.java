package dev.odoobridge.sync.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.sync.webhook.internal.CommitCheck.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitCheckTest {
    static final String POST = "{\"_action\": \"wh stock.quant on_create_or_write(#480)\", \"_id\": 47, \"_model\": \"stock.quant\","
            + " \"id\": 47, \"location_id\": 27, \"product_id\": 60, \"quantity\": 123.0,"
            + " \"write_date\": \"2026-11-21 19:35:15.281255\"}";

    static OdooRecord quant(String writeDate, double quantity) {
        return OdooRecord.of(Map.of("id", 47, "write_date", writeDate, "quantity", quantity,
                "location_id", List.of(27, "WH/Stock"), "product_id", List.of(60, "Tea")));
    }

    static Verdict check(String post, OdooRecord row) {
        return CommitCheck.check(post, row, false, false, false).verdict();
    }

    @Test
    void aReadFromAnEarlierSecondHasNotSeenTheCommit() {
        assertThat(check(POST, quant("2026-11-21 19:35:14", 0.0))).isEqualTo(Verdict.OLDER);
        assertThat(CommitCheck.check(POST, quant("2026-11-21 19:35:14", 0.0), false, false, false).seen())
                .contains("2026-11-21T19:35:14Z", "2026-11-21T19:35:15.281255Z");
    }

    @Test
    void aReadFromALaterSecondShowsALaterCommit() {
        assertThat(check(POST, quant("2026-11-21 19:35:16", 7.0))).isEqualTo(Verdict.SEEN);
    }

    @Test
    void inTheSameSecondThePostedValuesDecide() {
        assertThat(check(POST, quant("2026-11-21 19:35:15", 123.0))).isEqualTo(Verdict.SEEN);
        assertThat(check(POST, quant("2026-11-21 19:35:15", 0.0))).isEqualTo(Verdict.OLDER);
        // a many2one is a bare id in the post, [id, name] in the read
        String moved = POST.replace("\"location_id\": 27", "\"location_id\": 28");
        assertThat(check(moved, quant("2026-11-21 19:35:15", 123.0))).isEqualTo(Verdict.OLDER);
    }

    @Test
    void aPostWithoutWriteDateCannotBeCheckedAndCountsAsSeen() {
        assertThat(check("{\"_id\": 47, \"_model\": \"stock.quant\", \"quantity\": 5}", quant("2026-11-21 19:35:14", 0.0)))
                .isEqualTo(Verdict.SEEN);
    }

    @Test
    void anAbsentRecordIsGoneWhenDeletedOrStoredElseNotYetCommitted() {
        assertThat(CommitCheck.check(POST, null, false, false, false).verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(CommitCheck.check(POST, null, false, false, true).verdict()).isEqualTo(Verdict.GONE);
        assertThat(CommitCheck.check(POST, null, false, true, false).verdict()).isEqualTo(Verdict.GONE);
    }

    @Test
    void aDeletionWhoseRecordIsStillThereIsNotCommitted() {
        String unlink = "{\"_action\": \"wh product.product on_unlink(#479)\", \"_id\": 47, \"_model\": \"stock.quant\"}";
        assertThat(CommitCheck.check(unlink, quant("2026-11-21 19:35:14", 0.0), true, true, true).verdict())
                .isEqualTo(Verdict.OLDER);
    }

    @Test
    void theWaitDoublesWithTheTimeSinceReceiptWithinBoundsAndEndsWithTheWindow() {
        BatchProcessor.CommitWait wait = new BatchProcessor.CommitWait(Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(5));
        Instant received = Instant.parse("2026-11-21T19:35:15Z");
        assertThat(wait.next(received, received)).isEqualTo(Duration.ofMillis(100));
        assertThat(wait.next(received, received.plusSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(wait.next(received, received.plusSeconds(20))).isEqualTo(Duration.ofSeconds(5));
        assertThat(wait.next(received, received.plusSeconds(28))).isEqualTo(Duration.ofSeconds(2));
        assertThat(wait.next(received, received.plusSeconds(30))).isNull();
    }
}
