package dev.odoobridge.readmodel;

import dev.odoobridge.client.OdooRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link EmbeddedStoreCrashIT}: applies pages of products and quants to the
 * file-backed embedded read model without end and prints {@code APPLIED <round> <page>} after
 * each apply returned, so the parent can kill it while later pages are being written.
 * Arguments: data directory, first round.
 */
public final class StoreWriterMain {
    static final int IDS = 1200;
    static final int PAGE = 150;

    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        int firstRound = Integer.parseInt(args[1]);
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(Path.of(args[0])).build())) {
            stockLocation(model);
            System.out.println("STARTED");
            System.out.flush();
            for (int round = firstRound; ; round++) {
                for (int page = 0; page < IDS / PAGE; page++) {
                    model.projector().apply("crash", "product.product", page(round, page, false), Instant.now());
                    model.projector().apply("crash", "stock.quant", page(round, page, true), Instant.now());
                    System.out.println("APPLIED " + round + " " + page);
                    System.out.flush();
                }
            }
        }
    }

    /** Records {@code page * PAGE + 1 ..} of one round: each round rewrites every id with a newer write_date and quantity. */
    static List<OdooRecord> page(int round, int page, boolean quants) {
        String writeDate = writeDate(round);
        List<OdooRecord> records = new ArrayList<>(PAGE);
        for (int i = 1; i <= PAGE; i++) {
            long id = (long) page * PAGE + i;
            records.add(quants
                    ? OdooRows.quant(id, id, 8, round, 0, writeDate)
                    : OdooRows.row(id, writeDate).with("name", "P" + id + " r" + round).with("display_name", "P" + id)
                            .with("default_code", "C" + id).with("barcode", OdooRows.FALSE)
                            .m2o("product_tmpl_id", id, "T" + id).with("active", true).build());
        }
        return records;
    }

    /** The internal location every quant is in. */
    static void stockLocation(ReadModel model) {
        model.projector().apply("crash", "stock.location", List.of(OdooRows.location(8, "WH/Stock", "internal", 1)),
                Instant.now());
    }

    static String writeDate(int round) {
        return String.format("2026-11-%02d %02d:%02d:00", 1 + round / 1440, round / 60 % 24, round % 60);
    }
}
