package dev.odoobridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.state.RunCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncProgressTest {
    private static final ModelReport PRODUCTS = new ModelReport("shop", "product.product", new RunCounts(40, 38, 2, 0, 3),
            Duration.ofMillis(1500), Outcome.OK, null);

    @Test
    void withoutABarOneLinePerFinishedModelGoesToTheGivenStream() {
        StringWriter text = new StringWriter();
        try (SyncProgress progress = new SyncProgress(new PrintWriter(text), 100, false)) {
            progress.modelStarted("shop", "product.product", SyncMode.FULL);
            progress.pageApplied("shop", "product.product", 40, ApplyResult.EMPTY);
            progress.modelFinished(PRODUCTS);
            assertThat(progress.records()).isEqualTo(40);
        }
        assertThat(text.toString()).isEqualTo("sync shop product.product (full)" + System.lineSeparator()
                + "  shop product.product: " + PRODUCTS.describeOutcome()
                + ", 40 read, 38 written (1.5 s)  [40 of ~100]" + System.lineSeparator());
    }

    @Test
    void theBarIsDrawnOnTheGivenStreamAndFailuresAreKept() {
        StringWriter text = new StringWriter();
        IllegalStateException failure = new IllegalStateException("boom");
        try (SyncProgress progress = new SyncProgress(new PrintWriter(text), 0, true)) {
            progress.modelStarted("shop", "product.product", SyncMode.FULL);
            progress.pageApplied("shop", "product.product", 40, ApplyResult.EMPTY);
            progress.error("shop", "stock.quant", failure);
            progress.modelFinished(PRODUCTS);
            assertThat(progress.errors()).containsExactly(failure);
        }
        assertThat(text.toString()).contains("\r").contains("sync").contains("40").doesNotContain("written");
    }
}
