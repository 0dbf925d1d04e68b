package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.Portal;
import dev.odoobridge.portal.data.ReadModelVendorData;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.export.VendorReports;
import dev.odoobridge.vendors.restock.RestockPlanner;
import java.time.Clock;
import java.util.Objects;

/**
 * The portal's signed-in pages over a read model, as {@code serve} offers them: the dashboard, product pages, stock
 * downloads, restock proposals and the stylesheet. One call instead of wiring each page module by hand.
 */
public final class StandardPages {
    private StandardPages() {
    }

    /**
     * Adds the vendor data and every standard page to a portal builder.
     *
     * @param portal the builder (its state database, sources and clock are what the pages use)
     * @param readModel the read model the pages read (reports, stock views) and re-synced proposals land in
     * @param db the state database (restock proposals)
     * @param resync the sync engine that re-reads purchase orders after a proposal, or null when the purchase models are
     *        not synced (the proposal then shows the reference Odoo answered at creation)
     * @param nearExpiryDays the near-expiry window of lots, as the read model's stock options have it
     * @param clock "today" of the vendor data (the read model's reports use the same clock)
     * @return the builder
     */
    public static Portal.Builder addTo(Portal.Builder portal, ReadModel readModel, StateDatabase db, SyncEngine resync,
                                       int nearExpiryDays, Clock clock) {
        Objects.requireNonNull(readModel, "readModel == null");
        Objects.requireNonNull(db, "db == null");
        ProposalStore proposals = ProposalStore.postgres(db);
        return portal
                .vendorData(new ReadModelVendorData(readModel.reports(), clock, nearExpiryDays))
                .pages(s -> new DashboardPages(s.data(), VendorScopes.linked(s.linking())))
                .pages(s -> new ProductPages(s.data(), VendorScopes.linked(s.linking())))
                .pages(s -> new ExportPages(new VendorReports(readModel.reports(), s.clock()), VendorScopes.linked(s.linking()),
                        s.store(), ReadModelVendorData.WINDOW_DAYS, nearExpiryDays, s.clock()))
                .pages(s -> {
                    RestockPages.Builder b = RestockPages.builder()
                            .planner(new RestockPlanner(readModel.reports(), s.sources(), readModel.stock()))
                            .sources(s.sources()).readModel(readModel.projector()).proposals(proposals)
                            .scopes(VendorScopes.linked(s.linking())).audit(s.store()).clock(s.clock());
                    if (resync != null) {
                        b.resyncWith(resync);
                    }
                    return b.build();
                })
                .module(new StaticAssets());
    }
}
