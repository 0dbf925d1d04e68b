package dev.odoobridge.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.state.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Asserts a checkpoint is never ahead of the read model: every record up to it is there. */
final class CheckpointCoverage {
    private CheckpointCoverage() {
    }

    /** Returns how many records the checkpoint covers (0 when there is none). */
    static int assertCovered(OdooClient odoo, String source, String model, Optional<Checkpoint> checkpoint, Projector projector) {
        if (checkpoint.isEmpty()) {
            return 0;
        }
        Checkpoint cp = checkpoint.get();
        List<OdooRecord> all = odoo.model(model).searchRead(Domains.all(), List.of("write_date"),
                SearchOptions.DEFAULT.includeArchived());
        int covered = 0;
        for (OdooRecord r : all) {
            Instant wd = r.getInstant("write_date");
            if (wd.isBefore(cp.writeDate()) || wd.equals(cp.writeDate()) && r.id() <= cp.lastId()) {
                covered++;
                assertThat(projector.find(source, model, r.id()))
                        .as("record %d (write_date %s) is covered by the checkpoint %s but missing in MongoDB", r.id(), wd, cp)
                        .isPresent();
            }
        }
        return covered;
    }
}
