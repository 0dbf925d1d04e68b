package dev.odoobridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.feed.FeedColumn;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.FeedTables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final String VALID = """
            sources:
              shop:
                url: https://shop.example.com
                database: shop
                login: sync@example.com
                secret: ${SHOP_KEY}
                transport: json2
                webhook-token: ${HOOK_TOKEN:-defaulttoken}
            mongodb:
              uri: mongodb://localhost:27017
            sync:
              models: [product.product, stock.quant]
              extra-fields:
                product.product: [x_threshold]
              page-size: 250
              readers: 3
              overlap: 15m
            stock:
              threshold-field: x_threshold
              default-threshold: 3
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("SHOP_KEY", "k3y")::get);

    @Test
    void theFeedSectionSelectsBuiltInTablesAndIsCheckedWithLineNumbers() {
        BridgeConfig defaults = loader.parse(VALID, "test.yaml", Path.of("/tmp"));
        assertThat(defaults.feed().tombstoneHorizon()).isEqualTo(Duration.ofDays(30));
        assertThat(loader.parse(VALID + "feed:\n  tombstone-horizon: 7d\n", "test.yaml", Path.of("/tmp")).feed()
                .tombstoneHorizon()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> loader.parse(VALID + "feed:\n  tombstone-horizon: 0d\n", "test.yaml", Path.of("/tmp")))
                .hasMessageContaining("tombstone-horizon").hasMessageContaining("must be positive");
        assertThat(defaults.feed().tables()).containsExactly("products", "partners", "sale_orders", "sale_order_lines");
        assertThat(defaults.feed().pageSize()).isEqualTo(5_000);
        assertThat(defaults.feed().sendCreatedAsUpdated()).isFalse();

        BridgeConfig c = loader.parse(VALID + "feed:\n  tables: [products, sale_orders]\n  page-size: 1000\n"
                + "  send-created-as-updated: true\n", "test.yaml", Path.of("/tmp"));
        assertThat(c.feed().tables()).containsExactly("products", "sale_orders");
        assertThat(c.feed().pageSize()).isEqualTo(1000);
        assertThat(c.feed().sendCreatedAsUpdated()).isTrue();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.parse(VALID
                        + "feed:\n  tables: [products, orders]\n  send-created-as-updated: maybe\n", "test.yaml", Path.of("/tmp")))
                .hasMessageContaining("unknown feed table 'orders'").hasMessageContaining("must be true or false")
                .hasMessageContaining("test.yaml:");
    }

    @Test
    void feedColumnsSelectRenameAndPickAWarehouse() {
        BridgeConfig c = loader.parse(VALID + "feed:\n  columns:\n    products: [name, price=list_price, "
                + "qty_main=qty_on_hand@1, updated_at]\n", "test.yaml", Path.of("/tmp"));
        assertThat(c.feed().columns().get("products")).containsExactly(
                new FeedColumnSpec("name", "name", Optional.empty()),
                new FeedColumnSpec("price", "list_price", Optional.empty()),
                new FeedColumnSpec("qty_main", "qty_on_hand", Optional.of(1L)),
                new FeedColumnSpec("updated_at", "updated_at", Optional.empty()));
        FeedTable products = FeedColumnSpec.apply(FeedTables.products(), c.feed().columns().get("products"));
        assertThat(products.columns()).extracting(FeedColumn::name).containsExactly("name", "price", "qty_main", "updated_at");
        assertThat(products.column("price").orElseThrow().field()).isEqualTo("list_price");
        assertThat(products.column("qty_main").orElseThrow().warehouseId()).isEqualTo(1L);
        assertThat(products.vendorScoped()).isEqualTo(FeedTables.products().vendorScoped());

        assertThatThrownBy(() -> loader.parse(VALID + "feed:\n  columns:\n    products: [name, cost=standard_price]\n"
                        + "    orders: [name]\n    partners: [name=email@2, 'Bad Name']\n", "test.yaml", Path.of("/tmp")))
                .hasMessageContaining("table 'products' has no column 'standard_price'")
                .hasMessageContaining("unknown feed table 'orders'")
                .hasMessageContaining("'Bad Name' is not a column")
                .hasMessageContaining("test.yaml:");
        assertThatThrownBy(() -> loader.parse(VALID + "feed:\n  columns:\n    partners: [mail=email@2]\n", "test.yaml",
                Path.of("/tmp"))).hasMessageContaining("only a quantity on hand column takes a warehouse");
    }

    @Test
    void loadsAValidFileWithInterpolation() {
        BridgeConfig c = loader.parse(VALID, "test.yaml", Path.of("/tmp"));
        BridgeConfig.SourceConfig shop = c.sources().get("shop");
        assertThat(shop.secret()).isEqualTo("k3y");
        assertThat(shop.transport()).isEqualTo("json2");
        assertThat(shop.webhookToken()).contains("defaulttoken");
        assertThat(c.mongo().uri()).contains("mongodb://localhost:27017");
        assertThat(c.postgres().url()).isEmpty();
        assertThat(c.sync().models()).containsExactly("product.product", "stock.quant");
        assertThat(c.sync().extraFields()).containsEntry("product.product", java.util.List.of("x_threshold"));
        assertThat(c.sync().pageSize()).isEqualTo(250);
        assertThat(c.sync().readers()).isEqualTo(3);
        assertThat(c.sync().parallelism()).isEqualTo(2);
        assertThat(c.sync().overlap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.stock().thresholdField()).contains("x_threshold");
        assertThat(c.stock().defaultThreshold()).isEqualTo(3.0);
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/odoo-bridge-data"));
        assertThat(shop.toString()).doesNotContain("k3y");
    }

    @Test
    void webhookPublicUrlIsOptionalAndReadAsAnAbsoluteUrl() {
        assertThat(loader.parse(VALID, "test.yaml", Path.of("/tmp")).webhook().rules().publicUrl()).isEmpty();
        BridgeConfig c = loader.parse(VALID + "webhook:\n  public-url: https://bridge.example.com/odoo\n", "test.yaml",
                Path.of("/tmp"));
        assertThat(c.webhook().rules().publicUrl()).contains(java.net.URI.create("https://bridge.example.com/odoo"));
    }

    @Test
    void aRelativeOrMalformedPublicUrlIsAConfigErrorNamingItsLine() {
        int line = (int) VALID.lines().count() + 2;
        for (String bad : java.util.List.of("/webhooks", "bridge.example.com", "ftp://bridge.example.com",
                "https://bridge example.com", "https://bridge.example.com/?a=b")) {
            String yaml = VALID + "webhook:\n  public-url: " + bad + "\n";
            assertThatThrownBy(() -> loader.parse(yaml, "test.yaml", Path.of("/tmp")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("webhook.public-url (line " + line + ")")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void unknownKeyNamesKeyLineAndSuggestion() {
        String yaml = VALID.replace("    login: sync@example.com", "    logn: sync@example.com");
        assertThatThrownBy(() -> loader.parse(yaml, "test.yaml", Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.shop.logn (line 5): unknown key 'logn' (did you mean 'login'?)")
                .hasMessageContaining("sources.shop (line 3): 'login' is required");
    }

    @Test
    void missingEnvironmentVariableIsNamed() {
        ConfigLoader noEnv = new ConfigLoader(k -> null);
        assertThatThrownBy(() -> noEnv.parse(VALID, "test.yaml", Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.shop.secret (line 6): environment variable SHOP_KEY is not set");
    }

    @Test
    void badValuesAreAllReportedTogether() {
        String yaml = """
                sources:
                  shop:
                    url: ftp://x
                    database: d
                    login: l
                    secret: s
                    transport: soap
                sync:
                  page-size: lots
                  overlap: soon
                  readers: 0
                mongodb:
                  uri: localhost
                """;
        assertThatThrownBy(() -> loader.parse(yaml, "t.yaml", Path.of(".")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "sources.shop.url (line 3): must start with http:// or https://",
                        "sources.shop.transport (line 7): must be one of auto, xmlrpc, jsonrpc, json2",
                        "sync.page-size (line 9): must be a whole number, was 'lots'",
                        "sync.overlap (line 10): must be a duration like 30s, 10m, 2h or PT10M, was 'soon'",
                        "sync.readers (line 11): must be between 1 and 64, was 0",
                        "mongodb.uri (line 13): must start with mongodb:// or mongodb+srv://"));
    }

    @Test
    void invalidYamlSaysWhere() {
        assertThatThrownBy(() -> loader.parse("sources:\n  shop: [unclosed\n", "t.yaml", Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML (line");
    }

    @Test
    void missingFileSaysWhatToDo() {
        assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/odoo-bridge.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("file not found")
                .hasMessageContaining("--config");
    }

    @Test
    void emptyFileNeedsASource() {
        assertThatThrownBy(() -> loader.parse("", "t.yaml", Path.of(".")))
                .hasMessageContaining("sources: at least one Odoo source is required");
    }
}
