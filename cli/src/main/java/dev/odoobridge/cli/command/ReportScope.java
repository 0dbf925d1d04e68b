package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.report.VendorScope;
import java.util.List;
import picocli.CommandLine.Option;

/** The --source scope of the shop-side reports: every vendor (supplier partner) of the sources. */
final class ReportScope {
    @Option(names = "--source", paramLabel = "NAME", split = ",",
            description = "Products of every vendor of these sources (default: all sources).")
    List<String> sources = new java.util.ArrayList<>();

    VendorScope resolve(BridgeRuntime rt) {
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
}
