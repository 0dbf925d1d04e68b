package dev.odoobridge.testkit;

import static dev.odoobridge.testkit.RpcCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutomationRulesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeOdoo fake;
    private final HookReceiver receiver = new HookReceiver();

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
        receiver.close();
    }

    private RpcCalls start(String version) {
        fake = FakeOdoo.builder().version(version).build().start();
        return new RpcCalls(fake);
    }

    private static long modelId(RpcCalls rpc, String model) throws Exception {
        return RpcCalls.ids(rpc.jsonRpcResult("ir.model", "search", List.of(List.of(List.of("model", "=", model))),
                Map.of())).get(0);
    }

    private static long fieldId(RpcCalls rpc, String model, String field) throws Exception {
        return RpcCalls.ids(rpc.jsonRpcResult("ir.model.fields", "search", List.of(List.of(
                List.of("model", "=", model), List.of("name", "=", field))), Map.of())).get(0);
    }

    private Map<String, Object> rule(RpcCalls rpc, String name, String trigger, String url) throws Exception {
        long partner = modelId(rpc, "res.partner");
        return map("name", name, "model_id", partner, "trigger", trigger,
                "filter_domain", "[['name', '=like', 'Hook target%']]",
                "action_server_ids", List.of(List.of(0, 0, map("name", name + " action", "state", "webhook",
                        "model_id", partner, "webhook_url", url,
                        "webhook_field_ids", List.of(List.of(6, 0, List.of(fieldId(rpc, "res.partner", "name"),
                                fieldId(rpc, "res.partner", "write_date"))))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xmlrpc", "jsonrpc", "json2"})
    void aRuleCreatedOverRpcPostsForMatchingRecords(String transport) throws Exception {
        RpcCalls rpc = start("19.0");
        Map<String, Object> vals = rule(rpc, "Rule " + transport, "on_create_or_write", receiver.url("/hook/T"));
        long ruleId = switch (transport) {
            case "xmlrpc" -> RpcCalls.firstInt(rpc.xmlRpc("base.automation", "create", List.of(vals)));
            case "jsonrpc" -> ((Number) rpc.jsonRpcResult("base.automation", "create", List.of(vals), Map.of()))
                    .longValue();
            default -> RpcCalls.ids(rpc.json2("base.automation", "create", Map.of("vals_list", List.of(vals)))).get(0);
        };
        Object rule = rpc.json2("base.automation", "read", Map.of("ids", List.of(ruleId), "fields",
                List.of("name", "trigger", "active", "model_id", "action_server_ids")));
        List<?> actions = (List<?>) ((Map<?, ?>) ((List<?>) rule).get(0)).get("action_server_ids");
        assertThat(actions).hasSize(1);
        long action = ((Number) actions.get(0)).longValue();
        assertThat(rpc.json2("ir.actions.server", "read", Map.of("ids", List.of(action), "fields",
                List.of("name", "state", "usage", "base_automation_id")))).asString()
                .contains("state=webhook", "usage=base_automation", "name=Rule " + transport + " action");

        long other = RpcCalls.ids(rpc.json2("res.partner", "create", Map.of("vals_list",
                List.of(Map.of("name", "Not matching"))))).get(0);
        long target = RpcCalls.ids(rpc.json2("res.partner", "create", Map.of("vals_list",
                List.of(Map.of("name", "Hook target 1"))))).get(0);
        HookReceiver.Post post = receiver.take(1).get(0);
        assertThat(post.body()).matches("\\{\"_action\": \"Rule " + transport + " action\\(#" + action + "\\)\", "
                + "\"_id\": " + target + ", \"_model\": \"res.partner\", \"id\": " + target
                + ", \"name\": \"Hook target 1\", \"write_date\": \"[0-9-]{10} [0-9:]{8}\\.\\d{6}\"}");
        rpc.json2("res.partner", "write", Map.of("ids", List.of(target), "vals", Map.of("name", "Hook target 2")));
        assertThat(receiver.take(1).get(0).body()).contains("\"name\": \"Hook target 2\"");
        assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.drain()).as("no post for partner %d outside the filter", other).isEmpty();
    }

    @Test
    void eachTriggerFiresOnItsChange() throws Exception {
        RpcCalls rpc = start("19.0");
        String url = receiver.url("/t");
        for (WebhookTrigger trigger : WebhookTrigger.values()) {
            fake.webhooks().add("res.partner", trigger, url, "active");
        }
        long id = RpcCalls.ids(rpc.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "P")))))
                .get(0);
        assertThat(actions(2)).containsExactlyInAnyOrder("on_create", "on_create_or_write");
        rpc.json2("res.partner", "write", Map.of("ids", List.of(id), "vals", Map.of("name", "Q")));
        assertThat(actions(2)).containsExactlyInAnyOrder("on_write", "on_create_or_write");
        rpc.json2("res.partner", "action_archive", Map.of("ids", List.of(id)));
        assertThat(actions(3)).containsExactlyInAnyOrder("on_write", "on_create_or_write", "on_archive");
        rpc.json2("res.partner", "action_unarchive", Map.of("ids", List.of(id)));
        assertThat(actions(3)).containsExactlyInAnyOrder("on_write", "on_create_or_write", "on_unarchive");
        rpc.json2("res.partner", "unlink", Map.of("ids", List.of(id)));
        assertThat(actions(1)).containsExactly("on_unlink");
        assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.drain()).isEmpty();
    }

    private List<String> actions(int n) throws Exception {
        List<String> out = new ArrayList<>();
        for (HookReceiver.Post post : receiver.take(n)) {
            String action = (String) JSON.readValue(post.body(), Map.class).get("_action");
            out.add(action.replaceAll("^res\\.partner (on_[a-z_]+)\\(#\\d+\\)$", "$1"));
        }
        return out;
    }

    @Test
    void rulesAddedFromJavaAreRecordsAndUnlinkingARuleDeletesItsActionsAndStopsPosts() throws Exception {
        RpcCalls rpc = start("19.0");
        int action = fake.webhooks().add("res.partner", WebhookTrigger.CREATE, receiver.url("/x"), "name");
        List<?> rules = (List<?>) rpc.json2("base.automation", "search_read", Map.of("domain", List.of(),
                "fields", List.of("name", "trigger", "model_id", "action_server_ids")));
        assertThat(rules).hasSize(1);
        Map<?, ?> rule = (Map<?, ?>) rules.get(0);
        assertThat(rule.get("trigger")).isEqualTo("on_create");
        assertThat(RpcCalls.ids(rule.get("action_server_ids"))).containsExactly((long) action);
        long ruleId = ((Number) rule.get("id")).longValue();

        rpc.json2("base.automation", "write", Map.of("ids", List.of(ruleId), "vals", Map.of("active", false)));
        rpc.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "While inactive"))));
        assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.drain()).isEmpty();
        rpc.json2("base.automation", "write", Map.of("ids", List.of(ruleId), "vals", Map.of("active", true)));
        rpc.json2("ir.actions.server", "write", Map.of("ids", List.of(action), "vals",
                Map.of("webhook_url", receiver.url("/moved"))));
        rpc.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "Active again"))));
        assertThat(receiver.take(1).get(0).path()).isEqualTo("/moved");

        assertThat(rpc.json2("base.automation", "unlink", Map.of("ids", List.of(ruleId)))).isEqualTo(true);
        assertThat(rpc.json2("ir.actions.server", "search_read", Map.of("domain",
                List.of(List.of("id", "in", List.of(action))), "fields", List.of("name")))).isEqualTo(List.of());
        rpc.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "After unlink"))));
        assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.drain()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void theDemoUserMayNotCreateRules(String version) throws Exception {
        RpcCalls rpc = start(version);
        Map<String, Object> answer = rpc.jsonRpc("demo", "base.automation", "create", List.of(map("name", "Demo rule",
                "model_id", modelId(rpc, "res.partner"), "trigger", "on_create_or_write")), Map.of());
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) answer.get("error")).get("data");
        assertThat(data.get("name")).isEqualTo("odoo.exceptions.AccessError");
        assertThat(data.get("message")).isEqualTo("You are not allowed to create 'Automation Rule' (base.automation)"
                + " records.\n\nThis operation is allowed for the following groups:\n\t- "
                + (version.equals("19.0") ? "Role / Administrator" : "Administration/Settings")
                + "\n\nContact your administrator to request access if necessary.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void theDemoUserMayReadRulesButNotChangeOrDeleteThemOrTheirActions(String version) throws Exception {
        RpcCalls rpc = start(version);
        int action = fake.webhooks().add("res.partner", WebhookTrigger.UNLINK, "http://127.0.0.1:9/x", "name");
        long rule = fake.records("base.automation", List.of("id")).stream().mapToLong(r -> ((Number) r.get("id"))
                .longValue()).findFirst().orElseThrow();
        Map<String, Object> read = rpc.jsonRpc("demo", "base.automation", "read", List.of(List.of(rule),
                List.of("name", "active")), Map.of());
        assertThat(read).containsKey("result").doesNotContainKey("error");
        String group = version.equals("19.0") ? "Role / Administrator" : "Administration/Settings";
        for (var call : List.of(List.of("base.automation", "write", "modify", "Automation Rule", rule),
                List.of("base.automation", "unlink", "delete", "Automation Rule", rule),
                List.of("ir.actions.server", "write", "modify", "Server Action", (long) action),
                List.of("ir.actions.server", "unlink", "delete", "Server Action", (long) action))) {
            String model = (String) call.get(0);
            String method = (String) call.get(1);
            List<Object> args = new ArrayList<>(List.of(List.of(call.get(4))));
            if (method.equals("write")) {
                args.add(model.equals("base.automation")
                        ? Map.of("active", false) : Map.of("webhook_url", "http://127.0.0.1:9/elsewhere"));
            }
            Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) rpc.jsonRpc("demo", model, method, args, Map.of()).get("error"))
                    .get("data");
            assertThat(data.get("name")).as(model + "." + method).isEqualTo("odoo.exceptions.AccessError");
            assertThat(data.get("message")).isEqualTo("You are not allowed to " + call.get(2) + " '" + call.get(3)
                    + "' (" + model + ") records.\n\nThis operation is allowed for the following groups:\n\t- "
                    + group + "\n\nContact your administrator to request access if necessary.");
        }
        assertThat(fake.records("base.automation", List.of("active"))).extracting(r -> r.get("active"))
                .containsExactly(true);
        assertThat(fake.records("ir.actions.server", List.of("webhook_url"))).extracting(r -> r.get("webhook_url"))
                .containsExactly("http://127.0.0.1:9/x");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutBaseAutomationThereIsNoRuleModelButServerActionsStillKnowWebhooks() throws Exception {
        fake = FakeOdoo.builder().version("18.0").without("base_automation").build().start();
        RpcCalls rpc = new RpcCalls(fake);
        Map<String, Object> answer = rpc.jsonRpc("admin", "base.automation", "fields_get", List.of(), Map.of());
        assertThat(answer).containsKey("error");
        Map<String, Object> fields = (Map<String, Object>) rpc.jsonRpcResult("ir.actions.server", "fields_get", List.of(),
                Map.of("attributes", List.of("type", "selection")));
        assertThat(fields).containsKeys("webhook_url", "webhook_field_ids").doesNotContainKey("base_automation_id");
        assertThat(((Map<?, ?>) fields.get("state")).get("selection")).asString().contains("webhook");
        assertThat(((Map<?, ?>) fields.get("usage")).get("selection")).asString().doesNotContain("base_automation");
    }

    @Test
    void onSeventeenTheActionOfARuleIsNamedAfterItsType() throws Exception {
        RpcCalls rpc = start("17.0");
        long rule = ((Number) rpc.jsonRpcResult("base.automation", "create",
                List.of(rule(rpc, "Rule 17", "on_create_or_write", "http://127.0.0.1:9/")), Map.of())).longValue();
        Object actions = rpc.jsonRpcResult("ir.actions.server", "search_read",
                List.of(List.of(List.of("base_automation_id", "=", rule))), Map.of("fields", List.of("name", "usage")));
        assertThat(actions).asString().contains("name=Send Webhook Notification", "usage=base_automation");
    }

    @Test
    void fieldsGetOfTheAutomationModelsIsTheRecordedOne() throws Exception {
        for (String version : List.of("17.0", "19.0")) {
            RpcCalls rpc = start(version);
            Map<?, ?> recorded = JSON.readValue(getClass().getResourceAsStream(
                    "/dev/odoobridge/testkit/schema/" + version + "/base.automation.json"), Map.class);
            Object answer = rpc.jsonRpcResult("base.automation", "fields_get", List.of(List.of("trigger")),
                    Map.of("attributes", List.of("string", "type", "selection", "required")));
            Map<?, ?> trigger = (Map<?, ?>) recorded.get("trigger");
            assertThat(answer).isEqualTo(Map.of("trigger", Map.of("string", trigger.get("string"), "type", "selection",
                    "selection", trigger.get("selection"), "required", true)));
            fake.close();
        }
        fake = null;
    }

    @Test
    void beforeCommitAReReadDuringThePostSeesTheCommittedRecord() throws Exception {
        RpcCalls rpc = start("17.0");
        assertThat(fake.webhooks().deliversBeforeCommit()).isTrue();
        long id = ((Number) rpc.jsonRpcResult("res.partner", "create", List.of(Map.of("name", "Old name")), Map.of()))
                .longValue();
        BlockingQueue<Object> reReads = new LinkedBlockingQueue<>();
        HttpServer rereading = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        rereading.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                reReads.add(rpc.jsonRpcResult("res.partner", "read", List.of(List.of(id), List.of("name")), Map.of()));
                exchange.sendResponseHeaders(200, -1);
            } catch (Exception e) {
                reReads.add(e);
            }
        });
        rereading.start();
        try {
            fake.webhooks().commitLag(Duration.ofMillis(400))
                    .add("res.partner", WebhookTrigger.WRITE, "http://127.0.0.1:" + rereading.getAddress().getPort()
                            + "/", "name");
            fake.webhooks().add("res.partner", WebhookTrigger.WRITE, receiver.url("/plain"), "name");
            Thread writer = new Thread(() -> {
                try {
                    rpc.jsonRpcResult("res.partner", "write", List.of(List.of(id), Map.of("name", "New name")), Map.of());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            assertThat(reReads.poll(10, TimeUnit.SECONDS)).asString().contains("Old name").doesNotContain("New name");
            assertThat(receiver.take(1).get(0).body()).contains("\"name\": \"New name\"");
            assertThat(rpc.jsonRpcResult("res.partner", "read", List.of(List.of(id), List.of("name")), Map.of()))
                    .as("a read after the post, during the commit lag").asString().contains("Old name");
            writer.join(10_000);
            assertThat(rpc.jsonRpcResult("res.partner", "read", List.of(List.of(id), List.of("name")), Map.of()))
                    .asString().contains("New name");
        } finally {
            rereading.stop(0);
        }
    }

    @Test
    void anUnlinkRuleFiltersOnTheRecordAboutToBeDeleted() throws Exception {
        RpcCalls rpc = start("19.0");
        rpc.json2("base.automation", "create", Map.of("vals_list", List.of(rule(rpc, "Deletions", "on_unlink",
                receiver.url("/gone")))));
        List<Long> ids = RpcCalls.ids(rpc.json2("res.partner", "create", Map.of("vals_list", List.of(
                Map.of("name", "Hook target gone"), Map.of("name", "Someone else")))));
        rpc.json2("res.partner", "unlink", Map.of("ids", ids));
        assertThat(receiver.take(1).get(0).body()).contains("\"_id\": " + ids.get(0) + ",", "Hook target gone");
        assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.drain()).isEmpty();
    }

    @Test
    void aWriteDateOnAWholeSecondIsSentWithoutFractionAsPythonsStrDoes() throws Exception {
        fake = FakeOdoo.builder().clock(Clock.fixed(Instant.parse("2026-11-21T19:35:13Z"), ZoneOffset.UTC)).build()
                .start();
        RpcCalls rpc = new RpcCalls(fake);
        fake.webhooks().add("res.partner", WebhookTrigger.CREATE, receiver.url("/w"), "write_date");
        rpc.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "On the second"))));
        assertThat(receiver.take(1).get(0).body()).contains("\"write_date\": \"2026-11-21 19:35:13\"}");
    }

    @Test
    void afterCommitOnNineteenAReReadSeesTheChange() throws Exception {
        RpcCalls rpc = start("19.0");
        assertThat(fake.webhooks().deliversBeforeCommit()).isFalse();
        long id = RpcCalls.ids(rpc.json2("res.partner", "create", Map.of("vals_list",
                List.of(Map.of("name", "Old name"))))).get(0);
        fake.webhooks().add("res.partner", WebhookTrigger.WRITE, receiver.url("/p"), "name");
        rpc.json2("res.partner", "write", Map.of("ids", List.of(id), "vals", Map.of("name", "New name")));
        receiver.take(1);
        assertThat(rpc.json2("res.partner", "read", Map.of("ids", List.of(id), "fields", List.of("name"))))
                .asString().contains("New name");
    }

    @Test
    void beforeCommitAFailingCallStillPostsAndAfterCommitItDoesNot() throws Exception {
        for (String version : List.of("18.0", "19.0")) {
            RpcCalls rpc = start(version);
            long parent = ((Number) rpc.jsonRpcResult("res.partner", "create", List.of(Map.of("name", "Parent")),
                    Map.of())).longValue();
            fake.webhooks().add("res.partner", WebhookTrigger.WRITE, receiver.url("/f"), "name");
            Map<String, Object> answer = rpc.jsonRpc("admin", "res.partner", "write",
                    List.of(List.of(parent), Map.of("name", "Renamed", "parent_id", parent)), Map.of());
            assertThat(answer).containsKey("error");
            assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
            List<HookReceiver.Post> posts = receiver.drain();
            if (version.equals("18.0")) {
                assertThat(posts).singleElement().extracting(HookReceiver.Post::body).asString()
                        .contains("\"name\": \"Renamed\"");
            } else {
                assertThat(posts).isEmpty();
            }
            fake.close();
        }
        fake = null;
    }
}
