package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import java.util.ArrayList;
import java.util.List;

/** Resolves --source / --model options against the configuration, with clear errors. */
final class Selection {
    private Selection() {
    }

    /** The named sources (each must exist), or every configured source when none is named. */
    static List<String> sources(BridgeRuntime runtime, List<String> named) {
        if (named == null || named.isEmpty()) {
            return runtime.sourceNames();
        }
        named.forEach(runtime::source);
        return List.copyOf(named);
    }

    /** The named models (each must be synced), or every synced model when none is named. */
    static List<String> models(BridgeRuntime runtime, List<String> named) {
        List<String> synced = runtime.syncedModels();
        if (named == null || named.isEmpty()) {
            return synced;
        }
        List<String> out = new ArrayList<>();
        for (String m : named) {
            if (!synced.contains(m)) {
                throw new CliFailure(ExitCode.USAGE, "model '" + m + "' is not synced; synced models: "
                        + String.join(", ", synced) + " (add it under sync.models in the configuration)");
            }
            out.add(m);
        }
        return out;
    }

    /** The one source: the named one, or the only configured one. */
    static String oneSource(BridgeRuntime runtime, String named) {
        if (named != null) {
            runtime.source(named);
            return named;
        }
        List<String> all = runtime.sourceNames();
        if (all.size() != 1) {
            throw new CliFailure(ExitCode.USAGE, "several sources are configured (" + String.join(", ", all)
                    + "); choose one with --source");
        }
        return all.get(0);
    }
}
