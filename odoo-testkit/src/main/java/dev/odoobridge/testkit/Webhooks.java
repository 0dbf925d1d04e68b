package dev.odoobridge.testkit;

import dev.odoobridge.testkit.internal.orm.ChangeEvent;
import dev.odoobridge.testkit.internal.orm.FakeOrm;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import dev.odoobridge.testkit.internal.server.WebhookDispatcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * FakeOdoo's automation rules of type "Send Webhook Notification". Rules are records, as on a real server: a
 * {@code base.automation} (trigger, {@code model_id}, {@code filter_domain}, {@code trigger_field_ids},
 * {@code active}) with {@code ir.actions.server} actions of state {@code webhook} ({@code webhook_url},
 * {@code webhook_field_ids}). A tool creates, reads, writes and unlinks them over RPC; {@link #add} is a shortcut
 * that creates the same records.
 *
 * <p>For each change that fires a rule, each webhook action posts
 * {@code {"_action": "<action name>(#<action id>)", "_id", "_model"}} plus, when it has fields, {@code id} and
 * those fields (keys sorted, many2one as bare ids, {@code write_date} with microseconds), with only
 * {@code Content-Type: application/json}, no signature, a 1 s timeout and no retry. On 17.0 and 18.0 the action of a
 * rule is named "Send Webhook Notification" whatever name it was given.
 *
 * <p><b>When posts are sent.</b> Odoo 17 and 18 post synchronously inside the transaction, before it commits;
 * Odoo 19 posts after commit. FakeOdoo does the same by default for the version it plays
 * ({@link #deliverBeforeCommit(boolean)} changes it). Before commit, the transaction's changes are set aside while
 * the posts are sent and answered and during {@link #commitLag(Duration)}: a reader arriving then (e.g. a receiver
 * re-reading the record it was told about) is not blocked and sees the last committed state, i.e. the old record,
 * exactly as on a real 17/18 server. A call that fails still sends the posts of the changes it made before failing
 * (they are then rolled back). After commit (19), a failed call sends nothing.
 *
 * <pre>{@code
 * fake.webhooks().add("product.product", WebhookTrigger.CREATE_OR_WRITE,
 *         "http://127.0.0.1:8080/hook/TOKEN", "name", "list_price", "write_date");
 * }</pre>
 */
public final class Webhooks {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final int ADMIN_UID = 2;

    private final WebhookDispatcher dispatcher;
    private final FakeOrm orm;
    private final Clock clock;

    Webhooks(WebhookDispatcher dispatcher, FakeOrm orm, Clock clock) {
        this.dispatcher = dispatcher;
        this.orm = orm;
        this.clock = clock;
    }

    /**
     * Adds a rule named {@code "<model> on_<trigger>"} with one webhook action of the same name, as the
     * administrator would through RPC, and returns the action's id (the number in {@code _action}).
     *
     * @param fields the fields sent (the action's {@code webhook_field_ids}); none sends only {@code _action},
     *               {@code _id} and {@code _model}
     * @throws IllegalArgumentException for an unknown model or field
     */
    public int add(String model, WebhookTrigger trigger, String url, String... fields) {
        Objects.requireNonNull(trigger, "trigger == null");
        return addNamed(model + " " + trigger.odooName(), model, trigger, url, fields);
    }

    /** Adds a rule and its webhook action with a chosen name and returns the action's id (see {@link #add}). */
    public int addNamed(String name, String model, WebhookTrigger trigger, String url, String... fields) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(trigger, "trigger == null");
        URI.create(Objects.requireNonNull(url, "url == null"));
        if (!orm.models().contains(model)) {
            throw new IllegalArgumentException("unknown model " + model + "; FakeOdoo has " + orm.models());
        }
        long modelId = only(orm.ids("ir.model", List.of(List.of("model", "=", model))), "model " + model);
        List<Object> fieldIds = new ArrayList<>();
        for (String field : fields) {
            fieldIds.add(only(orm.ids("ir.model.fields", List.of(List.of("model", "=", model),
                    List.of("name", "=", field))), "field " + model + "." + field));
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", name);
        action.put("state", "webhook");
        action.put("model_id", modelId);
        action.put("webhook_url", url);
        action.put("webhook_field_ids", List.of(List.of(6, 0, fieldIds)));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("model_id", modelId);
        rule.put("trigger", trigger.odooName());
        rule.put("action_server_ids", List.of(List.of(0, 0, action)));
        Object created = orm.execute(new OrmRequest("base.automation", "create", null, List.of(rule), Map.of(),
                ADMIN_UID));
        long ruleId = ((Number) (created instanceof List<?> l ? l.get(0) : created)).longValue();
        List<Long> actions = orm.ids("ir.actions.server", List.of(List.of("base_automation_id", "=", ruleId)));
        return Math.toIntExact(only(actions, "action of rule " + ruleId));
    }

    private static long only(List<Long> ids, String what) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no " + what);
        }
        return ids.get(0);
    }

    /** Sends every post {@code copies} times (a real Odoo 19 sent one create 8 times). Default 1. */
    public Webhooks duplicates(int copies) {
        dispatcher.copies(copies);
        return this;
    }

    /**
     * Posts before the transaction commits, as Odoo 17/18 do (true), or after commit, as Odoo 19 does (false). The
     * default follows the version FakeOdoo plays. See the class comment for what readers see meanwhile.
     */
    public Webhooks deliverBeforeCommit(boolean beforeCommit) {
        orm.setWebhooksBeforeCommit(beforeCommit);
        return this;
    }

    /** Whether posts are sent before commit. */
    public boolean deliversBeforeCommit() {
        return orm.webhooksBeforeCommit();
    }

    /**
     * When posting before commit, waits this long between a transaction's posts and its commit (default zero), so
     * that a receiver's re-read right after the post reliably returns the old record, as it can on a busy 17/18
     * server. Writers wait for the commit; readers do not.
     */
    public Webhooks commitLag(Duration lag) {
        orm.setCommitLag(lag);
        return this;
    }

    /**
     * Posts, for every matching rule, what a change that was then rolled back would have sent: the
     * record never has (or never had) these values in the store. Filter domains are not evaluated.
     *
     * @param action {@code create}, {@code write} or {@code unlink}
     * @param values the field values the receiver sees; {@code write_date} defaults to now with microseconds
     */
    public void simulateRolledBack(String model, String action, long id, Map<String, Object> values) {
        Objects.requireNonNull(model, "model == null");
        if (!Set.of("create", "write", "unlink").contains(action)) {
            throw new IllegalArgumentException("action must be create, write or unlink, got " + action);
        }
        Map<String, Object> body = new LinkedHashMap<>(values);
        body.putIfAbsent("write_date", LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC).format(MICROS));
        Map<String, Object> written = new LinkedHashMap<>(values);
        dispatcher.send(orm.webhookPostsFor(new ChangeEvent(model, id, action, body,
                action.equals("write") ? written : Map.of())), false);
    }

    /** Waits until every post handed over so far has been answered or has failed; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return dispatcher.awaitIdle(timeout);
    }

    /** The number of posts completed (answered or failed) so far. */
    public int posted() {
        return dispatcher.sent();
    }

    /**
     * The number of posts that failed so far: refused, not answered within Odoo's 1 s timeout, or answered with a
     * status other than 2xx. Odoo never retries them; the change reaches a receiver only through the next sync.
     */
    public int failed() {
        return dispatcher.failed();
    }

    /** Deletes every automation rule (and so their actions). */
    public void clear() {
        List<Long> rules = orm.ids("base.automation", List.of());
        if (!rules.isEmpty()) {
            orm.execute(new OrmRequest("base.automation", "unlink", null, List.of(new ArrayList<Object>(rules)),
                    Map.of(), ADMIN_UID));
        }
    }
}
