package dev.odoobridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Untrusted config text: the loader either returns a config or throws ConfigException, nothing else. */
class ConfigFuzzTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("A", "1")::get);

    @Property(tries = 500)
    void arbitraryTextOnlyEverFailsWithConfigException(@ForAll("yamlish") String text) {
        try {
            BridgeConfig c = loader.parse(text, "fuzz.yaml", Path.of("."));
            assertThat(c.sources()).isNotEmpty();
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> tokens = Arbitraries.of("sources:", "\n", "  ", "shop:", "url:", " http://x", "[", "]",
                "{", "}", "- ", "database: d", "login: l", "secret: ${A}", "${NOPE}", "&a", "*a", "!!binary", "'",
                "\"", "#", ":", "sync:", "page-size: 9", "overlap: 1x", "\t", "---", "...", "%YAML 1.2");
        return Arbitraries.oneOf(
                tokens.list().ofMaxSize(40).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(200));
    }
}
