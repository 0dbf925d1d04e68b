package dev.odoobridge.testkit.internal.orm;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Odoo FakeOdoo plays: a major version ({@code 17.0}, {@code 18.0} or {@code 19.0}) and the modules installed
 * in its database. The schema, the call semantics of {@code call_kw} and the fault texts follow it.
 *
 * @param version the series, e.g. {@code "19.0"}
 * @param modules the installed modules (technical names)
 */
public record OdooRelease(String version, Set<String> modules) {
    /** The versions FakeOdoo can play. */
    public static final List<String> VERSIONS = List.of("17.0", "18.0", "19.0");

    /** Odoo 19.0 with the modules of the recorded server. */
    public static final OdooRelease DEFAULT = of("19.0");

    public OdooRelease {
        requireKnown(version);
        modules = Set.copyOf(new TreeSet<>(Objects.requireNonNull(modules, "modules == null")));
    }

    /**
     * Returns {@code version} when FakeOdoo can play it.
     *
     * @throws IllegalArgumentException naming the versions it can play otherwise
     */
    public static String requireKnown(String version) {
        Objects.requireNonNull(version, "version == null");
        if (!VERSIONS.contains(version)) {
            throw new IllegalArgumentException("FakeOdoo plays Odoo " + String.join(", ", VERSIONS)
                    + ", not '" + version + "'");
        }
        return version;
    }

    /** {@code version} with the modules installed on the real server its schema was recorded on. */
    public static OdooRelease of(String version) {
        Objects.requireNonNull(version, "version == null");
        return new OdooRelease(version, RecordedModules.of(version));
    }

    /** The major version number: 17, 18 or 19. */
    public int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** Whether {@code module} is installed. */
    public boolean has(String module) {
        return modules.contains(module);
    }

    /** This release with {@code extra} installed too. */
    public OdooRelease with(Collection<String> extra) {
        Set<String> all = new TreeSet<>(modules);
        all.addAll(extra);
        return new OdooRelease(version, all);
    }

    /** This release without {@code removed}. */
    public OdooRelease without(Collection<String> removed) {
        Set<String> all = new TreeSet<>(modules);
        all.removeAll(removed);
        return new OdooRelease(version, all);
    }

    /** {@code [major, 0, 0, "final", 0, ""]}, as {@code common.version} reports it. */
    public List<Object> versionInfo() {
        return List.of(major(), 0, 0, "final", 0, "");
    }
}
