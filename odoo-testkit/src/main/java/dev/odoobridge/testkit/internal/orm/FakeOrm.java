package dev.odoobridge.testkit.internal.orm;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FakeOdoo's in-memory ORM: the retail models with the fields of a real server of the played release (see
 * {@link RetailSchema}; ir.model and ir.model.fields list them) and that release's semantics (call_kw's argument
 * binding per transport, the methods and fault wording of 17.0, 18.0 or 19.0; domains, ordering, write_date kept
 * with microseconds but read in whole seconds, archiving, access rules, required fields and defaults, business
 * rules, computed stock quantities).
 *
 * <p>Each {@link #execute} call is one transaction: its start time (from the clock) is the write_date of
 * everything it writes, a fault rolls all of its changes back, and one lock serialises writers while readers run
 * in parallel. Default order is {@code id asc} for every model (Odoo's per-model {@code _order} is not modelled).
 * Change listeners run after commit, or, with {@link #setAutoCommitListenersBeforeCommit}, as each change happens
 * inside the transaction (so they also see changes that are then rolled back); listeners must not block on this
 * ORM then, since the write lock is held.
 *
 * <p>Webhook automation rules ({@code base.automation} records with {@code ir.actions.server} actions of state
 * {@code webhook}) are evaluated inside the transaction, as each change happens; their posts go to the
 * {@link WebhookSender}:
 * <ul>
 * <li>after commit (Odoo 19, the default of this class): fire and forget, and not at all when the call fails;</li>
 * <li>before commit ({@link #setWebhooksBeforeCommit}, Odoo 17 and 18): the transaction's changes are first set
 * aside so that the tables show the last committed state again, the posts are sent and awaited (each answered or
 * failed within Odoo's 1 s timeout), then, after {@link #setCommitLag the commit lag}, the changes are put in
 * place. Readers are not blocked meanwhile: a re-read that arrives between the post and the commit sees the old
 * record, as PostgreSQL shows it. Writers wait for the commit. A call that fails still sends the posts of the
 * changes it made before failing, which are rolled back.</li>
 * </ul>
 */
public final class FakeOrm implements OrmApi {
    private static final Logger LOG = LoggerFactory.getLogger(FakeOrm.class);
    private final Clock clock;
    private final OdooRelease release;
    private final Database db;
    private final Methods methods;
    private final SentMails sentMails = new SentMails();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> modelIds = new HashMap<>();
    private final ReentrantLock writers = new ReentrantLock(true);
    private final WebhookRules webhookRules;
    private volatile WebhookSender webhookSender;
    private volatile boolean listenersBeforeCommit;
    private volatile boolean webhooksBeforeCommit;
    private volatile Duration commitLag = Duration.ZERO;
    private Duration backdate;

    /** An empty store (no records) on the system UTC clock. */
    public FakeOrm() {
        this(Clock.systemUTC());
    }

    /** An empty Odoo 19.0 store whose transaction times come from {@code clock}. */
    public FakeOrm(Clock clock) {
        this(clock, OdooRelease.DEFAULT);
    }

    /** An empty store of {@code release} whose transaction times come from {@code clock}. */
    public FakeOrm(Clock clock, OdooRelease release) {
        this(clock, release, null);
    }

    /**
     * An empty store of {@code release} whose schema also has the models and fields of a directory of saved
     * {@code fields_get} answers ({@code <model>.json}, as {@code odoo-bridge codegen --save-json} writes them).
     *
     * @param ownSchema the directory, or null for the recorded schema only
     * @throws IllegalArgumentException when the directory is missing or holds malformed JSON or unknown types
     */
    public FakeOrm(Clock clock, OdooRelease release, Path ownSchema) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.release = Objects.requireNonNull(release, "release == null");
        this.methods = new Methods(release.major());
        this.db = new Database(release, RetailSchema.create(release,
                ownSchema == null ? Map.of() : FieldsGetDump.directory(ownSchema)));
        for (String name : new TreeSet<>(models())) {
            long model = insert("ir.model", Map.of("model", name, "name", db.model(name).description()));
            modelIds.put(name, model);
            for (FieldDef field : db.model(name).fields()) {
                insertFieldRecord(name, model, field);
            }
        }
        this.webhookRules = new WebhookRules(db);
    }

    private void insertFieldRecord(String model, long modelId, FieldDef field) {
        Map<String, Object> values = AutomationModels.fieldValues(db, model, modelId, field,
                field.name().startsWith("x_") ? "manual" : "base");
        ModelDef fields = db.model("ir.model.fields");
        values.keySet().removeIf(name -> fields.field(name).compute() != Compute.STORED);
        insert("ir.model.fields", values);
    }

    /** The Odoo version and modules this store plays. */
    public OdooRelease release() {
        return release;
    }

    @Override
    public Object execute(OrmRequest request) {
        Objects.requireNonNull(request, "request == null");
        ModelDef model = db.model(request.model());
        String qualified = request.model() + "." + request.method();
        int major = release.major();
        if (request.method().startsWith("_") || methods.isPrivate(request.method())) {
            throw new OrmFault(FaultKind.PRIVATE_METHOD, privateMethodMessage(release, request.model(),
                    request.method()));
        }
        Methods.Method method = methods.find(request.method(), request.model());
        if (method == null) {
            throw new OrmFault(FaultKind.UNKNOWN_METHOD, unknownMethodMessage(release, request.model(),
                    request.method()));
        }
        Signature.Bound args = method.signature().bind(request.method(), qualified, request, major);
        checkAllowedCompanies(request.kwargs().get("context"));
        Records records = new Records(db, args.ctx());
        if (!method.writes()) {
            db.lock.readLock().lock();
            try {
                return run(method, new Call(model, db.table(model.name()), records, args, null, sentMails,
                        release.major(), request.uid()));
            } finally {
                db.lock.readLock().unlock();
            }
        }
        writers.lock();
        try {
            return write(method, model, records, args, request.uid());
        } finally {
            writers.unlock();
        }
    }

    /** One writing transaction; callers hold the writers' lock, so parked changes are never overtaken. */
    private Object write(Methods.Method method, ModelDef model, Records records, Signature.Bound args, int uid) {
        boolean beforeCommit = webhooksBeforeCommit;
        Tx tx;
        Object result = null;
        RuntimeException failure = null;
        boolean parked = false;
        db.lock.writeLock().lock();
        try {
            tx = beginTx(uid);
            try {
                result = run(method, new Call(model, db.table(model.name()), records, args, tx, sentMails,
                        release.major(), uid));
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure == null && beforeCommit && !tx.posts().isEmpty()) {
                tx.park();
                parked = true;
            }
        } finally {
            db.lock.writeLock().unlock();
        }
        WebhookSender sender = webhookSender;
        if (sender != null && !tx.posts().isEmpty() && (beforeCommit || failure == null)) {
            try {
                sender.send(List.copyOf(tx.posts()), beforeCommit);
            } catch (RuntimeException e) {
                LOG.warn("webhook posts not sent: {}", e.toString());
            }
        }
        if (parked) {
            lag();
            db.lock.writeLock().lock();
            try {
                tx.commitParked();
            } finally {
                db.lock.writeLock().unlock();
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (!listenersBeforeCommit) {
            tx.events().forEach(this::notifyListeners);
        }
        return result;
    }

    private void lag() {
        Duration lag = commitLag;
        if (lag.isZero() || lag.isNegative()) {
            return;
        }
        try {
            Thread.sleep(lag.toMillis(), lag.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code allowed_company_ids} in the context must name existing companies. */
    private void checkAllowedCompanies(Object context) {
        if (!(context instanceof Map<?, ?> ctx) || !(ctx.get("allowed_company_ids") instanceof List<?> companies)) {
            return;
        }
        db.lock.readLock().lock();
        try {
            Table table = db.table("res.company");
            for (Object company : companies) {
                if (!(company instanceof Number n) || !table.exists(n.intValue())) {
                    throw new OrmFault(FaultKind.ACCESS_ERROR, "Access to unauthorized or invalid companies.");
                }
            }
        } finally {
            db.lock.readLock().unlock();
        }
    }

    /** The AccessError message for a private method, as {@code call_kw} words it in {@code release}. */
    public static String privateMethodMessage(OdooRelease release, String model, String method) {
        return release.major() < 18 ? "Private methods (such as " + method + ") cannot be called remotely."
                : "Private methods (such as '" + model + "." + method + "') cannot be called remotely.";
    }

    /** The AttributeError message for a method the model does not have, as {@code call_kw} words it in {@code release}. */
    public static String unknownMethodMessage(OdooRelease release, String model, String method) {
        return release.major() < 18 ? "The method '" + method + "' does not exist on the model '" + model + "'"
                : "The method '" + model + "." + method + "' does not exist";
    }

    private Object run(Methods.Method method, Call call) {
        try {
            return method.body().run(call);
        } catch (OrmFault | IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            if (call.tx() != null) {
                call.tx().rollback();
            }
            if (e instanceof OrmFault fault) {
                throw fault;
            }
            if (e instanceof IndexOutOfBoundsException) {
                throw new OrmFault(FaultKind.INDEX_ERROR, "list index out of range");
            }
            throw new OrmFault(FaultKind.VALUE_ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            if (call.tx() != null) {
                call.tx().rollback();
            }
            throw e;
        }
    }

    private Tx beginTx(int uid) {
        long micros = OdooTime.micros(clock.instant());
        if (backdate != null) {
            micros -= backdate.toNanos() / 1000;
            backdate = null;
        }
        return new Tx(micros, uid, (tx, event) -> {
            webhookRules.postsFor(event, true).forEach(tx::post);
            if (listenersBeforeCommit) {
                notifyListeners(event);
            }
        });
    }

    private void notifyListeners(ChangeEvent event) {
        for (ChangeListener listener : listeners) {
            try {
                listener.onChange(event);
            } catch (RuntimeException e) {
                LOG.warn("Change listener {} failed on {} {} of {}({}); the change stands", listener,
                        event.action(), event.model(), event.model(), event.id(), e);
            }
        }
    }

    @Override
    public void addChangeListener(ChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener == null"));
    }

    @Override
    public Set<String> models() {
        return db.modelNames();
    }

    /**
     * Stores a record without access checks or listeners. Values use wire conventions (many2one as an id);
     * {@code create_date} / {@code write_date} default to the clock's now. A product.product without
     * {@code product_tmpl_id} gets its template; a product.template gets no variant (insert it separately).
     */
    @Override
    public long insert(String model, Map<String, Object> values) {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(values, "values == null");
        db.lock.writeLock().lock();
        try {
            Tx tx = new Tx(OdooTime.micros(clock.instant()), Rules.SUPERUSER, null, false);
            try {
                return new Writer(new Records(db, Ctx.DEFAULT.withoutActiveTest()), tx).insert(model, values);
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    /**
     * Adds a custom field at run time.
     *
     * @param type {@code char}, {@code text}, {@code integer}, {@code float}, {@code boolean}, {@code date},
     *             {@code datetime}, {@code selection} (no values: any text is rejected) or
     *             {@code many2one:<comodel>}
     * @throws IllegalArgumentException for an unknown model or type, a name not starting with {@code x_}, or an
     *                                  existing field
     */
    public void addField(String model, String field, String type) {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(type, "type == null");
        if (!field.startsWith("x_")) {
            throw new IllegalArgumentException("custom field names must start with x_, got " + field);
        }
        db.lock.writeLock().lock();
        try {
            ModelDef def = db.model(model);
            if (def.field(field) != null) {
                throw new IllegalArgumentException(model + " already has a field " + field);
            }
            FieldDef added = def.add(CustomFields.define(db, field, type));
            insertFieldRecord(model, modelIds.get(model), added);
        } catch (OrmFault e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    /** The next writing call commits with a write_date {@code by} in the past (a long transaction). */
    public void backdateNextCommit(Duration by) {
        Objects.requireNonNull(by, "by == null");
        db.lock.writeLock().lock();
        try {
            backdate = by;
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    /**
     * Where webhook posts of automation rules go (none: they are not sent).
     */
    public void setWebhookSender(WebhookSender sender) {
        this.webhookSender = sender;
    }

    /**
     * When true, webhook posts are sent and awaited before the transaction commits, with the changes set aside
     * meanwhile (Odoo 17 and 18); when false, after commit (Odoo 19). See the class comment.
     */
    public void setWebhooksBeforeCommit(boolean beforeCommit) {
        this.webhooksBeforeCommit = beforeCommit;
    }

    /** Whether webhook posts are sent before commit. */
    public boolean webhooksBeforeCommit() {
        return webhooksBeforeCommit;
    }

    /** In before-commit mode, the time between the webhook posts of a transaction and its commit (default 0). */
    public void setCommitLag(Duration lag) {
        Objects.requireNonNull(lag, "lag == null");
        if (lag.isNegative()) {
            throw new IllegalArgumentException("commit lag must not be negative: " + lag);
        }
        this.commitLag = lag;
    }

    /**
     * The posts the webhook rules would send for {@code event}, a change the store does not hold (filter domains
     * are not evaluated).
     */
    public List<WebhookPost> webhookPostsFor(ChangeEvent event) {
        db.lock.readLock().lock();
        try {
            return webhookRules.postsFor(event, false);
        } finally {
            db.lock.readLock().unlock();
        }
    }

    /** When true, listeners hear each change inside its transaction, before commit (as Odoo 17/18 webhooks). */
    public void setAutoCommitListenersBeforeCommit(boolean beforeCommit) {
        this.listenersBeforeCommit = beforeCommit;
    }

    /** The mails {@code mail.mail.send} sent so far, as read just before sending (subject, email_to, ...). */
    public List<Map<String, Object>> sentMails() {
        return sentMails.all();
    }

    /** The number of records of a model (archived ones included). */
    public int count(String model) {
        db.lock.readLock().lock();
        try {
            return db.table(model).size();
        } finally {
            db.lock.readLock().unlock();
        }
    }

    /**
     * A record's stored write_date with its microseconds ({@code "YYYY-MM-DD HH:MM:SS.ffffff"}), or null when
     * the record does not exist.
     */
    public String writeDateMicros(String model, long id) {
        db.lock.readLock().lock();
        try {
            Table table = db.table(model);
            return table.exists((int) id) ? OdooTime.formatMicros(table.writeMicros((int) id)) : null;
        } finally {
            db.lock.readLock().unlock();
        }
    }

    /**
     * Every record of a model (archived included) with {@code fields}, ascending by id, as {@code search_read}
     * answers the superuser.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records(String model, List<String> fields) {
        Objects.requireNonNull(fields, "fields == null");
        Object result = execute(new OrmRequest(model, "search_read", null, List.of(List.of()),
                Map.of("fields", fields, "order", "id", "context", Map.of("active_test", false)), Rules.SUPERUSER));
        return (List<Map<String, Object>>) result;
    }

    /** A model's {@code fields_get} answer (every field with every attribute), as the superuser gets it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fieldsGet(String model) {
        return (Map<String, Object>) execute(new OrmRequest(model, "fields_get", null, List.of(), Map.of(),
                Rules.SUPERUSER));
    }

    /** Ids of a model matching a domain (archived included), ascending; a convenience for tests. */
    public List<Long> ids(String model, List<Object> domain) {
        Object result = execute(new OrmRequest(model, "search", null, List.of(domain == null ? List.of() : domain),
                Map.of("context", Map.of("active_test", false)), Rules.SUPERUSER));
        List<Long> ids = new ArrayList<>();
        ((List<?>) result).forEach(id -> ids.add(((Number) id).longValue()));
        return ids;
    }
}
