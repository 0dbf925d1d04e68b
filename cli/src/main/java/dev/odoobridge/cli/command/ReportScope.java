package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.VendorScope;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The scope of the reports: with {@code --vendor}, the partners that vendor is linked to; otherwise
 * every vendor (supplier partner) of the sources for the stock reports, and every product for the sales
 * reports. {@code --source} narrows either.
 */
final class ReportScope {
    @Option(names = "--vendor", paramLabel = "VENDOR",
            description = "Only the products of the partners this vendor is linked to (see `vendor link`).")
    String vendor;

    @Option(names = "--source", paramLabel = "NAME", split = ",",
            description = "Products of every vendor of these sources (default: all sources).")
    List<String> sources = new java.util.ArrayList<>();

    VendorScope resolve(BridgeRuntime rt) {
        if (vendor != null) {
            return vendorScope(rt);
        }
        VendorScope scope = null;
        for (String s : Selection.sources(rt, sources)) {
            List<Long> vendors = rt.odoo(s).model("res.partner").search(Domains.gt("supplier_rank", 0),
                    SearchOptions.DEFAULT.includeArchived());
            if (!vendors.isEmpty()) {
                scope = scope == null ? VendorScope.of(s, vendors) : scope.and(s, vendors);
            }
        }
        if (scope == null) {
            throw new CliFailure(ExitCode.ODOO_ERROR, "no vendor (res.partner with supplier_rank > 0) in "
                    + String.join(", ", Selection.sources(rt, sources)) + ": nothing to report");
        }
        return scope;
    }

    /**
     * What the sales reports count: with {@code --vendor}, the lines of that vendor's products; otherwise
     * every line of the selected sources, whatever its product (never narrowed to vendors' products).
     */
    SalesQuery salesQuery(BridgeRuntime rt) {
        if (vendor != null) {
            return SalesQuery.of(vendorScope(rt));
        }
        return SalesQuery.all().withSources(Set.copyOf(Selection.sources(rt, sources)));
    }

    private VendorScope vendorScope(BridgeRuntime rt) {
        VendorScope linked = rt.vendorLinking().scopeOf(vendor);
        if (sources.isEmpty()) {
            return linked;
        }
        VendorScope scope = null;
        for (String s : Selection.sources(rt, sources)) {
            Set<Long> partners = linked.partnersBySource().getOrDefault(s, Set.of());
            if (!partners.isEmpty()) {
                scope = scope == null ? VendorScope.of(s, partners) : scope.and(s, partners);
            }
        }
        if (scope == null) {
            throw new CliFailure(ExitCode.USAGE, vendor + " is linked only in " + String.join(", ",
                    linked.partnersBySource().keySet()) + ", not in " + String.join(", ", sources));
        }
        return scope;
    }
}
