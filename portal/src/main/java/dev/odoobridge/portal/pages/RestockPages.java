package dev.odoobridge.portal.pages;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.vendors.VendorStore;
import dev.odoobridge.vendors.restock.CreatedOrder;
import dev.odoobridge.vendors.restock.RestockLine;
import dev.odoobridge.vendors.restock.RestockOrder;
import dev.odoobridge.vendors.restock.RestockPlan;
import dev.odoobridge.vendors.restock.RestockPlanner;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restock proposals: {@code GET /restock/{source}} shows the planner's quantities for the vendor's urgent products in
 * that shop as a form; {@code POST /restock/{source}} validates the adjusted quantities, creates draft purchase
 * orders in the shop's Odoo (never confirmed), re-syncs them into the read model and leads to {@code GET /proposals}
 * (the vendor's proposals with their Odoo reference and state) and {@code GET /proposals/{source}/{id}}. The form
 * carries a one-time token: submitting it twice creates one order.
 */
public final class RestockPages implements PageModule {
    /** Largest quantity a line accepts. */
    public static final long MAX_QUANTITY = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(RestockPages.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,3})?");
    private static final Pattern QTY_FIELD = Pattern.compile("qty_([1-9][0-9]{0,17})");

    private final RestockPlanner planner;
    private final Map<String, OdooClient> sources;
    private final SyncEngine engine;
    private final Projector readModel;
    private final ProposalStore proposals;
    private final VendorScopes scopes;
    private final VendorStore audit;
    private final int coverDays;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private RestockPages(Builder b) {
        this.planner = Objects.requireNonNull(b.planner, "planner == null");
        this.sources = Map.copyOf(Objects.requireNonNull(b.sources, "sources == null"));
        this.engine = b.engine;
        this.readModel = Objects.requireNonNull(b.readModel, "readModel == null");
        this.proposals = Objects.requireNonNull(b.proposals, "proposals == null");
        this.scopes = Objects.requireNonNull(b.scopes, "scopes == null");
        this.audit = Objects.requireNonNull(b.audit, "audit == null");
        this.coverDays = b.coverDays;
        this.clock = b.clock;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void register(Router router) {
        router.get("/restock/{source}", this::form);
        router.post("/restock/{source}", this::submit);
        router.get("/proposals", this::list);
        router.get("/proposals/{source}/{id}", this::one);
    }

    private void form(Exchange exchange) {
        String source = exchange.pathParam("source");
        Set<Long> partners = partners(exchange, source);
        RestockPlan plan = plan(source, partners);
        List<RestockForm.FormLine> lines = new ArrayList<>();
        for (RestockOrder o : plan.orders()) {
            o.lines().forEach(l -> lines.add(new RestockForm.FormLine(o.partnerName(), l)));
        }
        byte[] t = new byte[16];
        random.nextBytes(t);
        RestockForm form = new RestockForm(exchange.base(), source, HexFormat.of().formatHex(t), lines, plan.covered(),
                plan.coverDays(), MAX_QUANTITY);
        exchange.page("restock.jte", Map.of("frame", exchange.frame("Restock " + source), "form", form));
    }

    private void submit(Exchange exchange) {
        String source = exchange.pathParam("source");
        String vendor = exchange.vendor().vendor();
        Set<Long> partners = partners(exchange, source);
        String token = exchange.form("token").orElse("");
        if (!TOKEN.matcher(token).matches()) {
            throw PortalException.badRequest("The form is incomplete; open the restock page again.");
        }
        Map<Long, Double> quantities = quantities(exchange.formFields());
        RestockPlan plan = plan(source, partners);
        Map<Long, RestockOrder> orderOf = new LinkedHashMap<>();
        plan.orders().forEach(o -> o.lines().forEach(l -> orderOf.put(l.productId(), o)));
        if (!orderOf.keySet().containsAll(quantities.keySet())) {
            throw PortalException.badRequest("The proposal lists products that are not in your proposal for this shop"
                    + " (stock may have changed); open the restock page again.");
        }
        List<RestockOrder> orders = new ArrayList<>();
        for (RestockOrder o : plan.orders()) {
            List<RestockLine> lines = new ArrayList<>();
            for (RestockLine l : o.lines()) {
                double q = quantities.getOrDefault(l.productId(), 0.0);
                if (q > 0) {
                    lines.add(new RestockLine(l.source(), l.productId(), l.productName(), l.onHand(), l.incoming(),
                            l.threshold(), l.dailyDemand(), l.minQty(), l.unitPrice(), q,
                            q == l.quantity() ? l.reason() : "adjusted by the vendor from " + Show.qty(l.quantity())));
                }
            }
            if (!lines.isEmpty()) {
                orders.add(new RestockOrder(o.source(), o.partnerId(), o.partnerName(), lines));
            }
        }
        if (orders.isEmpty()) {
            throw PortalException.badRequest("Every quantity is 0: enter a quantity for at least one product.");
        }
        if (!proposals.claim(token, vendor, source, clock.instant())) {
            // the same form again (a double click, a reload): its order exists or is being created
            exchange.redirect("/proposals");
            return;
        }
        List<CreatedOrder> created;
        try {
            created = planner.apply(new RestockPlan(plan.coverDays(), plan.windowDays(), clock.instant(), orders,
                    List.of()));
        } catch (RuntimeException e) {
            proposals.release(token);
            LOG.warn("restock proposal of {} in {} was refused by Odoo", vendor, source, e);
            throw new PortalException(502, "The shop's Odoo did not accept the proposal, so nothing was ordered. "
                    + "Try again in a moment.");
        }
        Map<Long, RestockOrder> byPartner = new LinkedHashMap<>();
        orders.forEach(o -> byPartner.put(o.partnerId(), o));
        for (CreatedOrder c : created) {
            RestockOrder o = byPartner.get(c.partnerId());
            String name = orderName(source, c.orderId());
            List<Proposal.Line> lines = o.lines().stream().map(l -> new Proposal.Line(l.productId(), l.productName(),
                    l.quantity(), l.unitPrice())).toList();
            proposals.record(new Proposal(vendor, source, c.orderId(), c.partnerId(), name, clock.instant(), lines), token);
            audit.audit(vendor, source, c.partnerId(), "proposal", "purchase.order " + c.orderId()
                    + (name == null ? "" : " (" + name + ")") + ", " + lines.size() + " line(s)", clock.instant());
        }
        resync(source);
        exchange.redirect("/proposals");
    }

    private void list(Exchange exchange) {
        String vendor = exchange.vendor().vendor();
        Set<String> shops = scopes.of(vendor).map(s -> s.partnersBySource().keySet()).orElse(Set.of());
        List<ProposalView> views = proposals.proposals(vendor).stream().filter(p -> shops.contains(p.source()))
                .map(this::view).toList();
        exchange.page("proposals.jte", Map.of("frame", exchange.frame("Restock proposals"), "proposals", views,
                "linked", !shops.isEmpty()));
    }

    private void one(Exchange exchange) {
        String source = exchange.pathParam("source");
        long id = exchange.idParam("id");
        String vendor = exchange.vendor().vendor();
        partners(exchange, source);
        Proposal p = proposals.proposal(vendor, source, id).orElseThrow(PortalException::notFound);
        ProposalView view = view(p);
        exchange.page("proposal.jte", Map.of("frame", exchange.frame("Proposal " + view.reference()), "proposal", view));
    }

    private ProposalView view(Proposal p) {
        Optional<Map<String, Object>> synced = readModel.find(p.source(), "purchase.order", p.orderId());
        String name = synced.map(m -> m.get("name")).filter(String.class::isInstance).map(String.class::cast)
                .orElse(p.orderName());
        String state = synced.map(m -> m.get("state")).filter(String.class::isInstance).map(String.class::cast)
                .orElse(null);
        return new ProposalView(p, name, state);
    }

    private Set<Long> partners(Exchange exchange, String source) {
        VendorScope scope = scopes.of(exchange.vendor().vendor()).orElseThrow(PortalException::notFound);
        Set<Long> partners = scope.partnersBySource().get(source);
        if (partners == null || !sources.containsKey(source)) {
            throw PortalException.notFound();
        }
        return partners;
    }

    private RestockPlan plan(String source, Set<Long> partners) {
        return planner.plan(VendorScope.of(source, partners), coverDays, Reports.DEFAULT_WINDOW_DAYS);
    }

    /** The quantities posted, by product id; 400 for an unknown field or a quantity that is not a number in range. */
    static Map<Long, Double> quantities(Fields form) {
        Map<Long, Double> quantities = new LinkedHashMap<>();
        for (Fields.Field f : form) {
            String name = f.getName();
            if (name.equals("csrf") || name.equals("token")) {
                continue;
            }
            var m = QTY_FIELD.matcher(name);
            if (!m.matches() || f.getValues().size() != 1) {
                throw PortalException.badRequest("The form has a field it does not know; open the restock page again.");
            }
            long id;
            try {
                id = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw PortalException.badRequest("The form has a field it does not know; open the restock page again.");
            }
            String raw = f.getValue() == null ? "" : f.getValue().strip();
            double q = 0;
            if (!raw.isEmpty()) {
                if (!QUANTITY.matcher(raw).matches()) {
                    throw PortalException.badRequest("Each quantity is a number from 0 to " + MAX_QUANTITY
                            + " (up to 3 decimals).");
                }
                q = Double.parseDouble(raw);
                if (!Double.isFinite(q) || q < 0 || q > MAX_QUANTITY) {
                    throw PortalException.badRequest("Each quantity is a number from 0 to " + MAX_QUANTITY + ".");
                }
            }
            quantities.put(id, q);
        }
        return quantities;
    }

    private String orderName(String source, long orderId) {
        try {
            List<OdooRecord> r = sources.get(source).model("purchase.order").read(List.of(orderId), List.of("name"));
            return r.isEmpty() ? null : r.get(0).getString("name");
        } catch (RuntimeException e) {
            LOG.warn("could not read the name of purchase.order {} in {}", orderId, source, e);
            return null;
        }
    }

    private void resync(String source) {
        if (engine == null) {
            return;
        }
        try {
            SyncReport report = engine.run(SyncRequest.incremental().withSources(source)
                    .withModels(RestockPlanner.PURCHASE_MODELS.toArray(String[]::new)));
            if (report.outcome() != Outcome.OK) {
                LOG.warn("re-syncing purchase orders of {} after a proposal did not succeed: {}", source, report);
            }
        } catch (RuntimeException e) {
            LOG.warn("re-syncing purchase orders of {} after a proposal failed; the next sync brings them in", source, e);
        }
    }

    /**
     * A proposal as the pages show it.
     *
     * @param proposal the stored proposal
     * @param name the order's reference (from the read model, else as read from Odoo at creation), or null
     * @param state the order's state in the read model, or null before it is synced
     */
    public record ProposalView(Proposal proposal, String name, String state) {
        /** The reference shown: the order's name, or its id. */
        public String reference() {
            return name == null ? "purchase order " + proposal.orderId() : name;
        }

        /** The state in words. */
        public String stateText() {
            if (state == null) {
                return "Draft (not synced yet)";
            }
            return switch (state) {
                case "draft" -> "Draft request for quotation";
                case "sent" -> "Request for quotation sent";
                case "to approve" -> "Waiting for approval";
                case "purchase" -> "Confirmed purchase order";
                case "done" -> "Locked";
                case "cancel" -> "Cancelled";
                default -> state;
            };
        }

        /** The page of this proposal. */
        public String href(String base) {
            return base + "/proposals/" + Links.segment(proposal.source()) + "/" + proposal.orderId();
        }
    }

    /** Builds {@link RestockPages}. */
    public static final class Builder {
        private RestockPlanner planner;
        private Map<String, OdooClient> sources;
        private SyncEngine engine;
        private Projector readModel;
        private ProposalStore proposals;
        private VendorScopes scopes;
        private VendorStore audit;
        private int coverDays = RestockPlanner.DEFAULT_COVER_DAYS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The planner (required; over the same sources). */
        public Builder planner(RestockPlanner planner) {
            this.planner = Objects.requireNonNull(planner, "planner == null");
            return this;
        }

        /** The shops' Odoo clients by source name (required): only these shops take proposals. */
        public Builder sources(Map<String, OdooClient> sources) {
            this.sources = Objects.requireNonNull(sources, "sources == null");
            return this;
        }

        /** The engine that re-syncs purchase orders after a proposal; without one the next scheduled sync does. */
        public Builder resyncWith(SyncEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine == null");
            return this;
        }

        /** The read model's projector, for the orders' current name and state (required). */
        public Builder readModel(Projector readModel) {
            this.readModel = Objects.requireNonNull(readModel, "readModel == null");
            return this;
        }

        /** Where proposals and form tokens are kept (required). */
        public Builder proposals(ProposalStore proposals) {
            this.proposals = Objects.requireNonNull(proposals, "proposals == null");
            return this;
        }

        /** The vendor's scope (required). */
        public Builder scopes(VendorScopes scopes) {
            this.scopes = Objects.requireNonNull(scopes, "scopes == null");
            return this;
        }

        /** Where proposals are audited (required). */
        public Builder audit(VendorStore audit) {
            this.audit = Objects.requireNonNull(audit, "audit == null");
            return this;
        }

        /** Days of demand a proposal covers (default {@value RestockPlanner#DEFAULT_COVER_DAYS}). */
        public Builder coverDays(int coverDays) {
            if (coverDays < 1) {
                throw new IllegalArgumentException("coverDays must be >= 1, was " + coverDays);
            }
            this.coverDays = coverDays;
            return this;
        }

        /** The clock (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** The pages; throws when a required collaborator is missing. */
        public RestockPages build() {
            return new RestockPages(this);
        }
    }
}
