package dev.odoobridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of ARCHITECTURE.md, checked on the compiled main and test classes of every module:
 * dependencies point one way, and no module uses another module's {@code internal} packages.
 *
 * <p>A class belongs to the module that compiles it, whatever its package: a test may live in another
 * module's package to reach that module's package-private test fixtures (for example the serve module's
 * receiver tests in {@code dev.odoobridge.sync.webhook}), and is held to the rules of the module it is in.
 */
class ModuleRulesTest {
    private static final Map<Module, JavaClasses> byModule = new EnumMap<>(Module.class);
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importEveryModule() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        List<Path> mainDirs = new ArrayList<>();
        for (Module m : Module.values()) {
            Path main = root.resolve(m.directory).resolve("target/classes");
            assertThat(main).as("compiled classes of %s (build the modules first: ./mvnw verify)", m.directory)
                    .isDirectory();
            List<Path> dirs = new ArrayList<>(List.of(main));
            mainDirs.add(main);
            Path test = root.resolve(m.directory).resolve("target/test-classes");
            if (Files.isDirectory(test)) {
                dirs.add(test);
            }
            byModule.put(m, new ClassFileImporter().importPaths(dirs));
        }
        mainClasses = new ClassFileImporter().importPaths(mainDirs);
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void everyModuleIsSeen(Module module) {
        assertThat(byModule.get(module).stream().anyMatch(c -> c.getPackageName().startsWith(module.rootPackage)))
                .as("classes of %s imported", module.directory).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void internalPackagesStayInTheirModule(Module module) {
        for (Module other : Module.values()) {
            if (other == module) {
                continue;
            }
            noClasses().that().resideOutsideOfPackage(module.rootPackage + "..")
                    .should().dependOnClassesThat().resideInAPackage(module.rootPackage + "..internal..")
                    .because(module.directory + "'s internal packages are not its API (used from " + other.directory + ")")
                    .allowEmptyShould(true)
                    .check(byModule.get(other));
        }
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void dependenciesPointOneWay(Module module) {
        List<String> forbidden = new ArrayList<>();
        for (Module other : Module.values()) {
            if (other != module && !module.mayUse.contains(other.name())) {
                forbidden.add(other.rootPackage + "..");
            }
        }
        if (forbidden.isEmpty()) {
            return;
        }
        noClasses().should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("ARCHITECTURE.md: " + module.directory + " may use only " + module.mayUse)
                .allowEmptyShould(true)
                .check(byModule.get(module));
    }

    @Test
    void librariesDoNotShipTheTestkit() {
        noClasses().that().resideInAnyPackage("dev.odoobridge.client..", "dev.odoobridge.readmodel..",
                        "dev.odoobridge.sync..", "dev.odoobridge.vendors..", "dev.odoobridge.embedded..",
                        "dev.odoobridge.access..", "dev.odoobridge.feed..", "dev.odoobridge.api..",
                        "dev.odoobridge.portal..", "dev.odoobridge.serve..")
                .should().dependOnClassesThat().resideInAPackage("dev.odoobridge.testkit..")
                .because("FakeOdoo is for tests: library users must not inherit it")
                .check(mainClasses);
    }

    /** The modules, their root packages and whom each may use (a module may always use itself). */
    enum Module {
        CLIENT("odoo-client", "dev.odoobridge.client", Set.of()),
        TESTKIT("odoo-testkit", "dev.odoobridge.testkit", Set.of("CLIENT")),
        READMODEL("readmodel", "dev.odoobridge.readmodel", Set.of("CLIENT", "TESTKIT")),
        SYNC("sync-engine", "dev.odoobridge.sync", Set.of("CLIENT", "READMODEL", "TESTKIT")),
        VENDORS("vendors", "dev.odoobridge.vendors", Set.of("CLIENT", "READMODEL", "SYNC", "TESTKIT")),
        EMBEDDED("embedded", "dev.odoobridge.embedded", Set.of("CLIENT", "READMODEL", "SYNC", "TESTKIT")),
        ACCESS("access", "dev.odoobridge.access", Set.of("CLIENT", "READMODEL", "SYNC", "TESTKIT", "EMBEDDED")),
        FEED("feed", "dev.odoobridge.feed", Set.of("CLIENT", "READMODEL", "SYNC", "ACCESS", "TESTKIT", "EMBEDDED")),
        API("api", "dev.odoobridge.api", Set.of("CLIENT", "READMODEL", "SYNC", "ACCESS", "TESTKIT", "EMBEDDED")),
        PORTAL("portal", "dev.odoobridge.portal", Set.of("CLIENT", "READMODEL", "SYNC", "VENDORS", "TESTKIT", "EMBEDDED")),
        SERVE("serve", "dev.odoobridge.serve",
                Set.of("CLIENT", "READMODEL", "SYNC", "VENDORS", "ACCESS", "FEED", "API", "PORTAL", "TESTKIT", "EMBEDDED")),
        CLI("cli", "dev.odoobridge.cli", Set.of("CLIENT", "TESTKIT", "READMODEL", "SYNC", "VENDORS", "EMBEDDED",
                "ACCESS", "FEED", "API", "PORTAL", "SERVE")),
        EXAMPLES("examples", "dev.odoobridge.examples",
                Set.of("CLIENT", "TESTKIT", "READMODEL", "SYNC", "VENDORS", "EMBEDDED", "ACCESS", "FEED", "API", "PORTAL", "SERVE")),
        BENCHMARKS("benchmarks", "dev.odoobridge.benchmarks",
                Set.of("CLIENT", "TESTKIT", "READMODEL", "SYNC", "VENDORS", "EMBEDDED", "ACCESS", "FEED", "API", "PORTAL", "SERVE"));

        final String directory;
        final String rootPackage;
        final Set<String> mayUse;

        Module(String directory, String rootPackage, Set<String> mayUse) {
            this.directory = directory;
            this.rootPackage = rootPackage;
            this.mayUse = mayUse;
        }
    }
}
