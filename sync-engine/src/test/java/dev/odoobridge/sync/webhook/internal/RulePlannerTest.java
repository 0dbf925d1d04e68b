package dev.odoobridge.sync.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.webhook.RuleChange;
import dev.odoobridge.sync.webhook.RuleChange.Fix;
import dev.odoobridge.sync.webhook.RuleChange.Kind;
import dev.odoobridge.sync.webhook.RuleState;
import dev.odoobridge.sync.webhook.RuleStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePlannerTest {
    private static final String TOKEN = "tok-0123456789abcdef";
    private static final String URL = "https://bridge.example.com/webhook/shop/" + TOKEN;
    private static final List<String> FIELDS = List.of("write_date", "active");
    private static final String PP_UNLINK = RuleMarker.name("product.product", "on_unlink");
    private final RulePlanner planner = new RulePlanner(new RuleMarker("shop", TOKEN));
    private long nextId = 100;

    private static List<WantedRule> wanted(String... models) {
        List<WantedRule> out = new ArrayList<>();
        for (String model : models) {
            out.add(new WantedRule(model, "on_create_or_write", URL, FIELDS));
            out.add(new WantedRule(model, "on_unlink", URL, FIELDS));
        }
        return out;
    }

    private FoundRule rule(String name, String model, String trigger, boolean active, String url, List<String> fields) {
        long id = nextId++;
        return new FoundRule(id, name, model, trigger, active,
                List.of(new FoundRule.FoundAction(id + 1000, name, "webhook", url, fields)));
    }

    private FoundRule ours(String model, String trigger) {
        return rule(RuleMarker.name(model, trigger), model, trigger, true, URL, FIELDS);
    }

    private List<FoundRule> installed(String... models) {
        List<FoundRule> out = new ArrayList<>();
        for (String model : models) {
            out.add(ours(model, "on_create_or_write"));
            out.add(ours(model, "on_unlink"));
        }
        return out;
    }

    @Test
    void nothingInstalledCreatesTwoRulesPerModelAndReportsThemMissing() {
        RulePlanner.Planned planned = planner.plan(wanted("res.partner", "product.product"), List.of(),
                RulePlanner.Mode.INSTALL);
        assertThat(planned.changes()).extracting(RuleChange::kind).containsOnly(Kind.CREATE);
        assertThat(planned.changes()).extracting(c -> c.model() + " " + c.trigger()).containsExactly(
                "product.product on_create_or_write", "product.product on_unlink",
                "res.partner on_create_or_write", "res.partner on_unlink");
        assertThat(planned.statuses()).extracting(RuleStatus::state).containsOnly(RuleState.MISSING);
        assertThat(planned.changes().get(0).url()).isEqualTo("https://bridge.example.com/webhook/shop/tok-****ef")
                .doesNotContain(TOKEN);
    }

    @Test
    void installingWhatIsThereChangesNothing() {
        RulePlanner.Planned planned = planner.plan(wanted("res.partner"), installed("res.partner"),
                RulePlanner.Mode.INSTALL);
        assertThat(planned.changes()).isEmpty();
        assertThat(planned.statuses()).extracting(RuleStatus::state).containsExactly(RuleState.OK, RuleState.OK);
        assertThat(planned.statuses()).allSatisfy(s -> assertThat(s.details()).isEmpty());
    }

    @Test
    void theOrderOfFieldsDoesNotMatter() {
        FoundRule rule = rule(RuleMarker.name("res.partner", "on_unlink"), "res.partner", "on_unlink", true, URL,
                List.of("active", "write_date"));
        RulePlanner.Planned planned = planner.plan(List.of(new WantedRule("res.partner", "on_unlink", URL, FIELDS)),
                List.of(rule), RulePlanner.Mode.INSTALL);
        assertThat(planned.changes()).isEmpty();
    }

    @Test
    void aChangedUrlOrTokenPointsElsewhereAndIsRepairedWithoutShowingEitherToken() {
        String other = "https://old.example.com/webhook/shop/old-token-999999999";
        FoundRule moved = rule(RuleMarker.name("res.partner", "on_unlink"), "res.partner", "on_unlink", true, other,
                FIELDS);
        FoundRule writes = ours("res.partner", "on_create_or_write");
        RulePlanner.Planned planned = planner.plan(wanted("res.partner"), List.of(writes, moved),
                RulePlanner.Mode.INSTALL);
        assertThat(planned.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.UPDATE);
            assertThat(c.ruleId()).isEqualTo(moved.id());
            assertThat(c.fixes()).containsExactly(Fix.URL);
            assertThat(c.actionIds()).containsExactly(moved.actions().get(0).id());
        });
        RuleStatus status = planned.statuses().stream().filter(s -> s.trigger().equals("on_unlink")).findFirst()
                .orElseThrow();
        assertThat(status.state()).isEqualTo(RuleState.ELSEWHERE);
        assertThat(status.url()).isEqualTo("https://old.example.com/webhook/shop/old-****99");
        assertThat(String.join(" ", status.details())).contains("old.example.com").doesNotContain(TOKEN)
                .doesNotContain("old-token-999999999");
    }

    @Test
    void aDisabledRuleIsReportedAndReEnabledOnInstallOnly() {
        FoundRule off = rule(RuleMarker.name("res.partner", "on_unlink"), "res.partner", "on_unlink", false, URL, FIELDS);
        List<FoundRule> found = List.of(ours("res.partner", "on_create_or_write"), off);
        RulePlanner.Planned install = planner.plan(wanted("res.partner"), found, RulePlanner.Mode.INSTALL);
        assertThat(install.statuses()).extracting(RuleStatus::state).containsExactly(RuleState.OK, RuleState.DISABLED);
        assertThat(install.changes()).singleElement().satisfies(c -> assertThat(c.fixes()).containsExactly(Fix.ENABLE));
        RulePlanner.Planned uninstall = planner.plan(wanted("res.partner"), found, RulePlanner.Mode.UNINSTALL);
        assertThat(uninstall.changes()).extracting(RuleChange::kind).containsOnly(Kind.DELETE);
        assertThat(uninstall.changes()).noneMatch(c -> c.fixes().contains(Fix.ENABLE));
    }

    @Test
    void otherFieldsAMissingActionAndSurplusActionsAreOutdated() {
        FoundRule fewer = rule(RuleMarker.name("res.partner", "on_create_or_write"), "res.partner",
                "on_create_or_write", true, URL, List.of("write_date"));
        FoundRule noAction = new FoundRule(nextId++, RuleMarker.name("res.partner", "on_unlink"), "res.partner",
                "on_unlink", true, List.of(new FoundRule.FoundAction(7, "Execute Code", "code", "", List.of())));
        FoundRule twice = new FoundRule(nextId++, RuleMarker.name("product.product", "on_unlink"), "product.product",
                "on_unlink", true, List.of(new FoundRule.FoundAction(8, PP_UNLINK, "webhook", URL, FIELDS),
                new FoundRule.FoundAction(9, PP_UNLINK, "webhook", URL, FIELDS)));
        RulePlanner.Planned planned = planner.plan(wanted("res.partner", "product.product"),
                List.of(fewer, noAction, twice, ours("product.product", "on_create_or_write")), RulePlanner.Mode.INSTALL);
        assertThat(planned.statuses()).extracting(s -> s.model() + " " + s.trigger() + " " + s.state()).containsExactly(
                "product.product on_create_or_write OK", "product.product on_unlink OUTDATED",
                "res.partner on_create_or_write OUTDATED", "res.partner on_unlink OUTDATED");
        assertThat(planned.changes()).extracting(c -> c.ruleId() + " " + c.fixes()).containsExactlyInAnyOrder(
                twice.id() + " [EXTRA_ACTIONS]", fewer.id() + " [FIELDS]", noAction.id() + " [ADD_ACTION]");
        assertThat(planned.changes()).filteredOn(c -> c.ruleId() == twice.id()).singleElement()
                .satisfies(c -> assertThat(c.actionIds()).containsExactly(8L, 9L));
    }

    @Test
    void anActionNamedAfterItsTypeIsRenamedSoThatPostsTellTheirTrigger() {
        FoundRule named = new FoundRule(nextId++, RuleMarker.name("res.partner", "on_unlink"), "res.partner",
                "on_unlink", true, List.of(new FoundRule.FoundAction(70, "Send Webhook Notification", "webhook", URL,
                FIELDS)));
        RulePlanner.Planned planned = planner.plan(List.of(new WantedRule("res.partner", "on_unlink", URL, FIELDS)),
                List.of(named), RulePlanner.Mode.INSTALL);
        assertThat(planned.changes()).singleElement().satisfies(c -> {
            assertThat(c.fixes()).containsExactly(Fix.ACTION_NAME);
            assertThat(c.actionIds()).containsExactly(70L);
        });
        assertThat(planned.statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(RuleState.OUTDATED);
            assertThat(s.details()).singleElement().asString().contains("Send Webhook Notification");
        });
    }

    @Test
    void duplicatesAndRulesOfModelsNoLongerSyncedAreDeletedFirstKeepingTheOldest() {
        List<FoundRule> found = new ArrayList<>(installed("res.partner", "stock.move"));
        FoundRule copy = ours("res.partner", "on_unlink");
        found.add(copy);
        RulePlanner.Planned planned = planner.plan(wanted("res.partner"), found, RulePlanner.Mode.INSTALL);
        assertThat(planned.changes()).extracting(c -> c.kind() + " " + c.model() + " " + c.trigger()).containsExactly(
                "DELETE res.partner on_unlink", "DELETE stock.move on_create_or_write", "DELETE stock.move on_unlink");
        assertThat(planned.changes().get(0).ruleId()).isEqualTo(copy.id());
        assertThat(planned.statuses()).filteredOn(s -> s.state() == RuleState.UNWANTED).hasSize(3);
    }

    @Test
    void rulesOfOthersAreNeverTouched() {
        FoundRule handMade = rule("Notify my CRM", "res.partner", "on_unlink", true, URL, FIELDS);
        FoundRule otherSource = rule(RuleMarker.name("res.partner", "on_unlink"), "res.partner", "on_unlink", true,
                "https://bridge.example.com/webhook/shop2/another-token-123456", FIELDS);
        List<FoundRule> found = List.of(handMade, otherSource);
        RulePlanner.Planned install = planner.plan(wanted("res.partner"), found, RulePlanner.Mode.INSTALL);
        assertThat(install.changes()).extracting(RuleChange::kind).containsOnly(Kind.CREATE);
        assertThat(install.changes()).extracting(RuleChange::ruleId).containsOnly(0L);
        assertThat(planner.plan(List.of(), found, RulePlanner.Mode.UNINSTALL).changes()).isEmpty();
    }

    @Test
    void uninstallDeletesEveryRuleOfOursWithAllItsActions() {
        List<FoundRule> found = new ArrayList<>(installed("res.partner"));
        found.add(new FoundRule(nextId++, RuleMarker.name("stock.quant", "on_write"), "stock.quant", "on_write", false,
                List.of(new FoundRule.FoundAction(50, "x", "webhook", "http://elsewhere/x", List.of()),
                        new FoundRule.FoundAction(51, "Execute Code", "code", "", List.of()))));
        RulePlanner.Planned planned = planner.plan(List.of(), found, RulePlanner.Mode.UNINSTALL);
        assertThat(planned.changes()).hasSize(3).extracting(RuleChange::kind).containsOnly(Kind.DELETE);
        assertThat(planned.changes()).filteredOn(c -> c.model().equals("stock.quant")).singleElement()
                .satisfies(c -> assertThat(c.actionIds()).containsExactly(50L, 51L));
        assertThat(planned.statuses()).isEmpty();
    }

    @Test
    void describeIsOneReadableLineWithoutTheToken() {
        RuleChange change = planner.plan(wanted("res.partner"), List.of(), RulePlanner.Mode.INSTALL).changes().get(0);
        assertThat(change.describe()).isEqualTo(
                "create  res.partner on_create_or_write -> https://bridge.example.com/webhook/shop/tok-****ef");
    }

    @Test
    void maskingHidesTheTokenAnywhereAndTheSecretSegmentOfAnyReceiverPath() {
        RuleMarker marker = new RuleMarker("shop", TOKEN);
        assertThat(marker.mask("http://h/x?t=" + TOKEN)).isEqualTo("http://h/x?t=tok-****ef");
        assertThat(marker.mask("http://h/webhook/shop/abc")).isEqualTo("http://h/webhook/shop/****");
        assertThat(marker.mask("http://h/plain")).isEqualTo("http://h/plain");
        assertThat(marker.mask("")).isEmpty();
    }
}
