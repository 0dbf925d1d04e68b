package dev.odoobridge.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WebhookTrigger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * webhook rules installed, repaired, reported and uninstalled through RPC on a strict FakeOdoo of each version:
 * the records are checked in FakeOdoo's store.
 */
class WebhookRulesIT {
    static final String TOKEN = "rules-token-0123456789";
    static final List<String> MODELS = List.of("res.partner", "product.product", "stock.quant");
    static final URI PUBLIC = URI.create("https://bridge.example.com/");
    static final String URL = "https://bridge.example.com/webhook/shop/" + TOKEN;

    private static WebhookRules rules(OdooClient odoo, URI publicUrl) {
        return WebhookRules.builder(odoo).source("shop").token(TOKEN).publicUrl(publicUrl).models(MODELS).build();
    }

    private static Transport transport(String version) {
        return version.equals("19.0") ? Transport.JSON2 : Transport.XMLRPC;
    }

    /** Rule name -> [trigger, model name, active] from the store. */
    private static List<String> storedRules(FakeOdoo fake) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : fake.records("base.automation", List.of("name", "trigger", "active",
                "action_server_ids"))) {
            out.add(r.get("name") + "|" + r.get("trigger") + "|" + r.get("active") + "|"
                    + ((List<?>) r.get("action_server_ids")).size());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void installCreatesTwoRulesPerModelThroughRpcAndASecondInstallChangesNothing(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).build().start();
             OdooClient odoo = fake.client(transport(version))) {
            WebhookRules rules = rules(odoo, PUBLIC);
            RulePlan plan = rules.planInstall();
            assertThat(plan.odooVersion()).startsWith(version.substring(0, 2));
            assertThat(plan.changes()).hasSize(6).extracting(RuleChange::kind).containsOnly(RuleChange.Kind.CREATE);
            assertThat(fake.count("base.automation")).as("planning changes nothing").isZero();

            assertThat(rules.apply(plan)).isEqualTo(6);
            assertThat(storedRules(fake)).containsExactlyInAnyOrder(
                    "odoo-bridge: res.partner on_create_or_write|on_create_or_write|true|1",
                    "odoo-bridge: res.partner on_unlink|on_unlink|true|1",
                    "odoo-bridge: product.product on_create_or_write|on_create_or_write|true|1",
                    "odoo-bridge: product.product on_unlink|on_unlink|true|1",
                    "odoo-bridge: stock.quant on_create_or_write|on_create_or_write|true|1",
                    "odoo-bridge: stock.quant on_unlink|on_unlink|true|1");
            List<Map<String, Object>> actions = fake.records("ir.actions.server", List.of("state", "webhook_url",
                    "webhook_field_ids", "base_automation_id", "model_id", "usage"));
            assertThat(actions).hasSize(6).allSatisfy(a -> {
                assertThat(a.get("state")).isEqualTo("webhook");
                // named like the rule on every version (17/18 name it "Send Webhook Notification" at create):
                // Odoo posts the name in _action, where the receiver reads the trigger
                assertThat(fake.records("ir.actions.server", List.of("name")).stream()
                        .filter(n -> n.get("id").equals(a.get("id"))).findFirst().orElseThrow().get("name"))
                        .isEqualTo(((List<?>) a.get("base_automation_id")).get(1));
                assertThat(a.get("webhook_url")).isEqualTo(URL);
                assertThat(a.get("usage")).isEqualTo("base_automation");
            });
            // write_date everywhere, active where the model has it (stock.quant has none)
            assertThat(sentFields(fake)).containsOnlyKeys("res.partner", "product.product", "stock.quant")
                    .containsEntry("res.partner", List.of("active", "write_date"))
                    .containsEntry("product.product", List.of("active", "write_date"))
                    .containsEntry("stock.quant", List.of("write_date"));
            assertThat(rules.status()).hasSize(6).allSatisfy(s -> assertThat(s.state()).isEqualTo(RuleState.OK));

            RulePlan again = rules.planInstall();
            assertThat(again.isEmpty()).isTrue();
            int writes = fake.count("base.automation");
            assertThat(rules.apply(again)).isZero();
            assertThat(fake.count("base.automation")).isEqualTo(writes);
        }
    }

    /** Model -> sorted names of the fields its webhook actions send. */
    private static Map<String, List<String>> sentFields(FakeOdoo fake) {
        Map<Long, String> fieldNames = new java.util.HashMap<>();
        for (Map<String, Object> f : fake.records("ir.model.fields", List.of("name"))) {
            fieldNames.put(((Number) f.get("id")).longValue(), (String) f.get("name"));
        }
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Map<String, Object> a : fake.records("ir.actions.server", List.of("model_name", "webhook_field_ids"))) {
            List<String> names = new ArrayList<>();
            ((List<?>) a.get("webhook_field_ids")).forEach(id -> names.add(fieldNames.get(((Number) id).longValue())));
            out.put((String) a.get("model_name"), names.stream().sorted().toList());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void aChangedPublicUrlIsRepairedInPlace(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).build().start();
             OdooClient odoo = fake.client(transport(version))) {
            rules(odoo, PUBLIC).apply(rules(odoo, PUBLIC).planInstall());
            List<Object> ruleIds = fake.records("base.automation", List.of("id")).stream().map(r -> r.get("id")).toList();

            WebhookRules moved = rules(odoo, URI.create("https://new.example.com/odoo"));
            assertThat(moved.status()).hasSize(6).allSatisfy(s -> {
                assertThat(s.state()).isEqualTo(RuleState.ELSEWHERE);
                assertThat(s.url()).isEqualTo("https://bridge.example.com/webhook/shop/rule****89");
            });
            RulePlan plan = moved.planInstall();
            assertThat(plan.changes()).hasSize(6).allSatisfy(c -> {
                assertThat(c.kind()).isEqualTo(RuleChange.Kind.UPDATE);
                assertThat(c.fixes()).containsExactly(RuleChange.Fix.URL);
            });
            moved.apply(plan);
            assertThat(fake.records("base.automation", List.of("id")).stream().map(r -> r.get("id")).toList())
                    .as("the same rules, repaired").isEqualTo(ruleIds);
            assertThat(fake.records("ir.actions.server", List.of("webhook_url"))).extracting(a -> a.get("webhook_url"))
                    .containsOnly("https://new.example.com/odoo/webhook/shop/" + TOKEN);
            assertThat(moved.planInstall().isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void statusReportsEachStateAndInstallRepairsThem(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).build().start();
             OdooClient odoo = fake.client(transport(version))) {
            WebhookRules rules = rules(odoo, PUBLIC);
            rules.apply(rules.planInstall());
            // an operator archives one rule, edits another's URL, deletes a third, narrows a fourth's fields
            long disabled = ruleId(odoo, "res.partner on_unlink");
            odoo.model("base.automation").write(List.of(disabled), Map.of("active", false));
            long moved = ruleId(odoo, "product.product on_create_or_write");
            long movedAction = odoo.model("base.automation").read(List.of(moved), List.of("action_server_ids")).get(0)
                    .getIds("action_server_ids").get(0);
            odoo.model("ir.actions.server").write(List.of(movedAction),
                    Map.of("webhook_url", "https://bridge.example.com/webhook/shop/other-token-0000000"));
            odoo.model("base.automation").unlink(List.of(ruleId(odoo, "stock.quant on_unlink")));
            long narrowed = ruleId(odoo, "res.partner on_create_or_write");
            long narrowedAction = odoo.model("base.automation").read(List.of(narrowed), List.of("action_server_ids"))
                    .get(0).getIds("action_server_ids").get(0);
            odoo.model("ir.actions.server").write(List.of(narrowedAction), Map.of("webhook_field_ids", List.of(
                    List.of(5, 0, 0))));

            assertThat(rules.status()).extracting(s -> s.model() + " " + s.trigger() + " " + s.state())
                    .containsExactly(
                            "product.product on_create_or_write ELSEWHERE",
                            "product.product on_unlink OK",
                            "res.partner on_create_or_write OUTDATED",
                            "res.partner on_unlink DISABLED",
                            "stock.quant on_create_or_write OK",
                            "stock.quant on_unlink MISSING");
            assertThat(rules.status().toString()).doesNotContain(TOKEN).doesNotContain("other-token-0000000");

            RulePlan repair = rules.planInstall();
            assertThat(repair.changes()).extracting(RuleChange::describe).allSatisfy(line ->
                    assertThat(line).doesNotContain(TOKEN));
            rules.apply(repair);
            assertThat(rules.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo(RuleState.OK));
            assertThat(fake.records("base.automation", List.of("active"))).hasSize(6)
                    .allSatisfy(r -> assertThat(r.get("active")).isEqualTo(true));
        }
    }

    private static long ruleId(OdooClient odoo, String modelAndTrigger) {
        return odoo.model("base.automation").search(Domains.eq("name", "odoo-bridge: " + modelAndTrigger)).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void uninstallRemovesOnlyOurRulesAndTheirActions(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).build().start();
             OdooClient odoo = fake.client(transport(version))) {
            int foreignAction = fake.webhooks().addNamed("Notify my CRM", "res.partner", WebhookTrigger.CREATE_OR_WRITE,
                    "https://crm.example.com/hook", "name");
            WebhookRules rules = rules(odoo, PUBLIC);
            rules.apply(rules.planInstall());
            // an archived rule of ours is removed too
            odoo.model("base.automation").write(List.of(ruleId(odoo, "stock.quant on_unlink")), Map.of("active", false));
            assertThat(fake.count("base.automation")).isEqualTo(7);

            RulePlan plan = rules.planUninstall();
            assertThat(plan.changes()).hasSize(6).extracting(RuleChange::kind).containsOnly(RuleChange.Kind.DELETE);
            rules.apply(plan);
            assertThat(storedRules(fake)).containsExactly("Notify my CRM|on_create_or_write|true|1");
            assertThat(fake.records("ir.actions.server", List.of("id"))).extracting(a -> ((Number) a.get("id")).intValue())
                    .containsExactly(foreignAction);
            assertThat(rules.planUninstall().isEmpty()).isTrue();
            assertThat(rules.status()).hasSize(6).allSatisfy(s -> assertThat(s.state()).isEqualTo(RuleState.MISSING));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void theDemoUserMayReadButOdooRefusesItsInstallWithAnAccessError(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).build().start();
             OdooClient demo = fake.client(transport(version), FakeOdoo.DEMO)) {
            WebhookRules rules = rules(demo, PUBLIC);
            RulePlan plan = rules.planInstall();
            assertThat(plan.changes()).hasSize(6);
            assertThatThrownBy(() -> rules.apply(plan)).isInstanceOf(AccessErrorException.class)
                    .hasMessageContaining("You are not allowed to create 'Automation Rule' (base.automation) records");
            assertThat(fake.count("base.automation")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void jsonRpcWorksAsWell(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).build().start();
             OdooClient odoo = fake.client(Transport.JSONRPC)) {
            WebhookRules rules = rules(odoo, PUBLIC);
            rules.apply(rules.planInstall());
            assertThat(fake.count("base.automation")).isEqualTo(6);
            assertThat(rules.planInstall().isEmpty()).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void aServerWithoutAutomationRulesIsToldApart() {
        try (FakeOdoo fake = FakeOdoo.builder().version("19.0").without("base_automation").build().start();
             OdooClient odoo = fake.client(Transport.JSON2)) {
            assertThatThrownBy(() -> rules(odoo, PUBLIC).planInstall()).isInstanceOf(WebhookRulesException.class)
                    .hasMessageContaining("base_automation");
        }
    }
}
