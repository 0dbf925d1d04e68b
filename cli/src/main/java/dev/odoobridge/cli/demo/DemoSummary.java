package dev.odoobridge.cli.demo;

import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.SyncReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LongSummaryStatistics;
import java.util.stream.Collectors;

/** The demo's closing summary: what was synced, what arrived live, where to look, what to try next. */
final class DemoSummary {
    private final Narrator narrator;
    private final DemoSettings settings;

    DemoSummary(Narrator narrator, DemoSettings settings) {
        this.narrator = narrator;
        this.settings = settings;
    }

    void print(SyncReport sync, LiveWebhooks.Result webhooks, VendorDemo.Result vendor, Duration total) {
        narrator.step("Summary");
        String perModel = sync.models().stream().filter(m -> m.counts().read() > 0)
                .sorted(Comparator.comparingLong((ModelReport m) -> m.counts().read()).reversed())
                .map(m -> m.model() + " " + m.counts().read()).collect(Collectors.joining(", "));
        long records = sync.models().stream().mapToLong(m -> m.counts().read()).sum();
        narrator.line("synced     %d records in %.1f s: %s", records, DemoRun.seconds(sync.duration()), perModel);
        LongSummaryStatistics latency = webhooks.latenciesMillis().stream().mapToLong(Long::longValue).summaryStatistics();
        narrator.line("webhooks   %d events received, %d applied to MongoDB; change-to-MongoDB latency %d..%d ms",
                webhooks.events(), webhooks.applied(), latency.getMin(), latency.getMax());
        narrator.line("vendor     %s linked to %s with a one-time code; %d products in its report, %d urgent",
                vendor.vendor(), vendor.partnerName(), vendor.products(), vendor.urgent());
        narrator.line("exports    %s", settings.exports());
        for (Path f : vendor.exports()) {
            narrator.line("             %s", f.getFileName());
        }
        narrator.line("data       PostgreSQL %s (sync state, webhook inbox; replaced on the next demo run);"
                + " the MongoDB read model lived in memory", settings.stateDirectory());
        narrator.line("time       %.1f s in total", DemoRun.seconds(total));
        narrator.raw("");
        narrator.raw("Next: open the HTML export in a browser, then point odoo-bridge at your own Odoo:");
        narrator.raw("  odoo-bridge --help                 every command");
        narrator.raw("  odoo-bridge fake-odoo --port 8069  this demo's Odoo on its own, to try the commands against");
        narrator.raw("  odoo-bridge check                  reach Odoo, MongoDB and PostgreSQL from odoo-bridge.yaml");
        narrator.raw("  odoo-bridge sync run --full        the first full sync of your Odoo");
        narrator.raw("  odoo-bridge webhook serve          receive Odoo's webhooks");
        narrator.raw("  odoo-bridge report stock --vendor V --format html --out stock.html");
    }
}
