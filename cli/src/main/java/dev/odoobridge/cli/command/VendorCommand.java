package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.vendors.LinkChallenge;
import dev.odoobridge.vendors.VendorLink;
import dev.odoobridge.vendors.VendorLinking;
import dev.odoobridge.vendors.VendorStore;
import dev.odoobridge.vendors.VendorStores;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Vendor links: one-time codes mailed through the shop's Odoo, confirmation, listing and revocation. */
@Command(name = "vendor", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Link vendors to their partner in a shop's Odoo with a one-time code, so that they get the "
                + "stock reports of their own products and nothing else.",
            "Refusals (wrong, expired or used code, rate limit) exit with 12."},
        subcommands = {VendorCommand.Link.class, VendorCommand.Confirm.class, VendorCommand.ListLinks.class,
            VendorCommand.Unlink.class, VendorCommand.Audit.class})
public final class VendorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code vendor link}. */
    @Command(name = "link", mixinStandardHelpOptions = true,
            description = {"Send a 6-digit code to link the vendor to a partner of a source. The code goes out as a "
                    + "mail through that source's Odoo, to the partner's email (vendor.mail-to: partner) or to the "
                    + "source's shop-email (vendor.mail-to: shop). The code itself is never printed.",
                "Then run `vendor confirm` with the code."},
            footer = {"%nExample:%n  odoo-bridge vendor link --vendor orders@acme.example --source shop --partner 42"})
    public static final class Link implements Runnable {
        @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "The vendor identity (email or external id).")
        String vendor;

        @Mixin
        OneSource source;

        @Option(names = "--partner", required = true, paramLabel = "ID", description = "The vendor's res.partner id in that source.")
        long partner;

        private final CommandContext ctx;

        /** A command over the context. */
        public Link(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            BridgeRuntime rt = ctx.runtime();
            String s = source.resolve(rt);
            LinkChallenge c = rt.vendorLinking().requestLink(vendor, s, partner, rt.source(s).shopEmail().orElse(null));
            PrintWriter out = ctx.console().out();
            long minutes = Math.max(0, Duration.between(Instant.now(), c.expiresAt()).toMinutes());
            out.println("Sent a verification code for " + c.vendor() + " → partner " + c.partnerId() + " of "
                    + c.source() + " to " + c.sentTo() + " (through " + c.source() + "'s Odoo).");
            out.println("It expires at " + c.expiresAt() + " (in about " + minutes + " min) and works once.");
            out.println("Confirm with: odoo-bridge vendor confirm --vendor " + c.vendor() + " --code <CODE>");
            out.flush();
        }
    }

    /** {@code vendor confirm}. */
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = {"Confirm the vendor's newest code and store the link.",
                "Exit 12 when the code is wrong, expired, already used or dead after too many attempts."},
            footer = {"%nExample:%n  odoo-bridge vendor confirm --vendor orders@acme.example --code 123456"})
    public static final class Confirm implements Runnable {
        @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "The vendor identity.")
        String vendor;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The 6-digit code from the mail.")
        String code;

        private final CommandContext ctx;

        /** A command over the context. */
        public Confirm(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            VendorLink link = ctx.runtime().vendorLinking().confirm(vendor, code);
            ctx.console().out().println("Linked " + link.vendor() + " to partner " + link.partnerId() + " of "
                    + link.source() + " at " + link.linkedAt() + ".");
            ctx.console().out().flush();
        }
    }

    /** {@code vendor list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List vendor links (all, or one vendor's).",
            footer = {"%nExample:%n  odoo-bridge vendor list --vendor orders@acme.example"})
    public static final class ListLinks implements Runnable {
        @Option(names = "--vendor", paramLabel = "VENDOR", description = "Only this vendor's links.")
        String vendor;

        private final CommandContext ctx;

        /** A command over the context. */
        public ListLinks(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            VendorLinking linking = ctx.runtime().vendorLinking();
            List<VendorLink> links = vendor == null ? linking.allLinks() : linking.links(vendor);
            PrintWriter out = ctx.console().out();
            if (links.isEmpty()) {
                out.println(vendor == null ? "No vendor links." : "No links for " + vendor + ".");
                out.flush();
                return;
            }
            Table t = new Table("vendor", "source", "partner", "linked at", "linked by");
            for (VendorLink l : links) {
                t.row(l.vendor(), l.source(), l.partnerId(), l.linkedAt(), l.linkedBy());
            }
            t.print(out);
        }
    }

    /** {@code vendor unlink}. */
    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = {"Revoke a vendor's link to a partner; the vendor no longer gets that partner's products.",
                "Exit 12 when there is no such link."},
            footer = {"%nExample:%n  odoo-bridge vendor unlink --vendor orders@acme.example --source shop --partner 42"})
    public static final class Unlink implements Runnable {
        @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "The vendor identity.")
        String vendor;

        @Mixin
        OneSource source;

        @Option(names = "--partner", required = true, paramLabel = "ID", description = "The partner id.")
        long partner;

        private final CommandContext ctx;

        /** A command over the context. */
        public Unlink(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            String s = source.resolve(ctx.runtime());
            ctx.runtime().vendorLinking().unlink(vendor, s, partner, "odoo-bridge cli (" + System.getProperty("user.name") + ")");
            ctx.console().out().println("Unlinked " + vendor + " from partner " + partner + " of " + s + ".");
            ctx.console().out().flush();
        }
    }

    /** {@code vendor audit}. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Show the vendor audit trail, newest first: portal sign-ins (signin, signin_failed, signout), "
                    + "links (link_requested, linked, unlinked), downloads and restock proposals, and the linking "
                    + "refusals. Codes are never recorded."},
            footer = {"%nExamples:%n  odoo-bridge vendor audit --vendor orders@acme.example --since 2026-06-01",
                "  odoo-bridge vendor audit --source shop --limit 20 --json"})
    public static final class Audit implements Runnable {
        @Option(names = "--vendor", paramLabel = "VENDOR", description = "Only this vendor's events (email, any case).")
        String vendor;

        @Option(names = "--source", paramLabel = "SOURCE", description = "Only events about this source.")
        String source;

        @Option(names = "--since", paramLabel = "DATE", description = "Only events from this day (YYYY-MM-DD, UTC) or "
                + "instant (2026-06-01T08:00:00Z) on.")
        String since;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most events shown (default 100).")
        int limit;

        @Option(names = "--json", description = "Print the events as a JSON array.")
        boolean json;

        private final CommandContext ctx;

        /** A command over the context. */
        public Audit(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (limit < 1 || limit > 100_000) {
                throw new dev.odoobridge.cli.CliFailure(dev.odoobridge.cli.ExitCode.USAGE,
                        "--limit must be between 1 and 100000, was " + limit);
            }
            VendorStore store = VendorStores.postgres(ctx.runtime().stateDatabase());
            List<VendorStore.AuditEvent> events = store.auditEvents(new VendorStore.AuditQuery(
                    vendor == null ? null : vendor.strip().toLowerCase(Locale.ROOT), source, since(), limit));
            PrintWriter out = ctx.console().out();
            if (json) {
                List<Map<String, Object>> rows = events.stream().map(Audit::jsonRow).toList();
                try {
                    out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                            .writeValueAsString(rows));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("could not write the audit events as JSON", e);
                }
                out.flush();
                return;
            }
            if (events.isEmpty()) {
                out.println("No audit events" + (vendor == null ? "" : " for " + vendor) + ".");
                out.flush();
                return;
            }
            Table t = new Table("at", "vendor", "event", "source", "partner", "detail");
            for (VendorStore.AuditEvent e : events) {
                t.row(e.at(), e.vendor(), e.event(), e.source() == null ? "" : e.source(),
                        e.partnerId() == null ? "" : e.partnerId(), e.detail() == null ? "" : e.detail());
            }
            t.print(out);
        }

        private Instant since() {
            if (since == null) {
                return null;
            }
            try {
                return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new dev.odoobridge.cli.CliFailure(dev.odoobridge.cli.ExitCode.USAGE, "--since must be a day like "
                        + "2026-06-01 or an instant like 2026-06-01T08:00:00Z, was '" + since + "'");
            }
        }

        private static Map<String, Object> jsonRow(VendorStore.AuditEvent e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("at", e.at().toString());
            m.put("vendor", e.vendor());
            m.put("event", e.event());
            m.put("source", e.source());
            m.put("partnerId", e.partnerId());
            m.put("detail", e.detail());
            return m;
        }
    }
}
