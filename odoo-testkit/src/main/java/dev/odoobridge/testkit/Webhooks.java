package dev.odoobridge.testkit;

import dev.odoobridge.testkit.internal.orm.ChangeEvent;
import dev.odoobridge.testkit.internal.orm.FakeOrm;
import dev.odoobridge.testkit.internal.server.WebhookDispatcher;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * FakeOdoo's automation rules of type "Send Webhook Notification": for each matching create, write
 * or unlink, a POST of {@code {"_action": "<rule name>(#<id>)", "_id", "_model", "id", ...fields}}
 * (keys sorted, many2one as bare ids, {@code write_date} with microseconds) with only
 * {@code Content-Type: application/json}, no signature, fire and forget with a 1 s timeout.
 *
 * <pre>{@code
 * fake.webhooks().add("product.product", WebhookTrigger.CREATE_OR_WRITE,
 *         "http://127.0.0.1:8080/hook/TOKEN", "name", "list_price", "write_date");
 * }</pre>
 */
public final class Webhooks {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final WebhookDispatcher dispatcher;
    private final FakeOrm orm;
    private final java.time.Clock clock;

    Webhooks(WebhookDispatcher dispatcher, FakeOrm orm, java.time.Clock clock) {
        this.dispatcher = dispatcher;
        this.orm = orm;
        this.clock = clock;
    }

    /**
     * Adds a rule named {@code "<model> on_<trigger>"} and returns its id.
     *
     * @param fields the fields sent besides {@code id} (Odoo's "Fields" of the action)
     */
    public int add(String model, WebhookTrigger trigger, String url, String... fields) {
        Objects.requireNonNull(trigger, "trigger == null");
        return addNamed(model + " on_" + trigger.name().toLowerCase(java.util.Locale.ROOT), model, trigger, url, fields);
    }

    /** Adds a rule with a chosen name (it appears in {@code _action}) and returns its id. */
    public int addNamed(String name, String model, WebhookTrigger trigger, String url, String... fields) {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(url, "url == null");
        if (!orm.models().contains(model)) {
            throw new IllegalArgumentException("unknown model " + model + "; FakeOdoo has " + orm.models());
        }
        return dispatcher.add(name, model, trigger, URI.create(url), List.of(fields)).id();
    }

    /** Sends every post {@code copies} times (a real Odoo 19 sent one create 8 times). Default 1. */
    public Webhooks duplicates(int copies) {
        dispatcher.copies(copies);
        return this;
    }

    /**
     * Delivers as each change happens inside its transaction, before commit, as Odoo 17/18 do: a
     * call that then fails still has its posts sent, for changes that were rolled back.
     */
    public Webhooks deliverBeforeCommit(boolean beforeCommit) {
        orm.setAutoCommitListenersBeforeCommit(beforeCommit);
        return this;
    }

    /**
     * Posts, for every matching rule, what a change that was then rolled back would have sent: the
     * record never has (or never had) these values in the store.
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
        dispatcher.onChange(new ChangeEvent(model, id, action, body));
    }

    /** Waits until every post handed over so far has been answered or has failed; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return dispatcher.awaitIdle(timeout);
    }

    /** The number of posts completed (answered or failed) so far. */
    public int posted() {
        return dispatcher.sent();
    }

    /** Removes every rule. */
    public void clear() {
        dispatcher.clear();
    }
}
