package dev.odoobridge.client;

import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.value.Ref;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The ORM methods of one model. Values passed in maps may be String, Number, Boolean, null
 * (sent as {@code False}), {@link java.time.Instant}, {@link java.time.LocalDate},
 * {@link java.math.BigDecimal}, {@link Ref} (its id is sent), {@link dev.odoobridge.client.value.Command}
 * or lists of them, nested maps and lists.
 */
public interface ModelHandle {

    /** The model's technical name, e.g. {@code product.product}. */
    String name();

    /** Ids of matching records. */
    List<Long> search(Domain domain, SearchOptions options);

    /** Ids of all matching records in Odoo's default order. */
    default List<Long> search(Domain domain) {
        return search(domain, SearchOptions.DEFAULT);
    }

    /** Number of matching records. */
    long searchCount(Domain domain);

    /**
     * Number of matching records with extra context, e.g. {@code SearchOptions.DEFAULT.includeArchived()}
     * to count archived records too ({@code active_test: false}). Only the context of
     * {@code options} is used. The default sends {@code search_count} through {@link #call}
     * (which merges the context over the client's default context); the client's own handles
     * send it as a retried, idempotent read.
     */
    default long searchCount(Domain domain, SearchOptions options) {
        java.util.Objects.requireNonNull(domain, "domain == null");
        java.util.Objects.requireNonNull(options, "options == null");
        Object result = call("search_count", List.of(), Map.of("domain", domain.toWire(), "context", options.context()));
        if (!(result instanceof Number n)) {
            throw new IllegalStateException("search_count on " + name() + " returned " + result + " instead of a number");
        }
        return n.longValue();
    }

    /** Reads the given ids; ids Odoo does not have are absent from the result (Odoo 19 returns no row). */
    List<OdooRecord> read(Collection<Long> ids, List<String> fields);

    /** search + read in one call. */
    List<OdooRecord> searchRead(Domain domain, List<String> fields, SearchOptions options);

    /** search + read of all matching records in Odoo's default order. */
    default List<OdooRecord> searchRead(Domain domain, List<String> fields) {
        return searchRead(domain, fields, SearchOptions.DEFAULT);
    }

    /**
     * Streams all matching records in ascending id order, reading {@code pageSize} at a time with
     * an {@code id > last} keyset (never offsets). Memory stays bounded by one page. Close the
     * stream (try-with-resources) if you stop early.
     */
    Stream<OdooRecord> stream(Domain domain, List<String> fields, int pageSize);

    /** Field metadata; {@code attributes} empty means Odoo's defaults. */
    ModelDefinition fieldsGet(List<String> attributes);

    /** Field metadata with the attributes the toolkit needs (type, string, relation, selection, required, readonly, store). */
    default ModelDefinition fieldsGet() {
        return fieldsGet(List.of("type", "string", "relation", "selection", "required", "readonly", "store", "help"));
    }

    /** Creates one record and returns its id. Never retried. */
    long create(Map<String, ?> values);

    /** Creates several records in one call and returns their ids in order. Never retried. */
    List<Long> create(List<? extends Map<String, ?>> values);

    /** Writes values to the records. Never retried. No ids: returns true without calling Odoo. */
    boolean write(Collection<Long> ids, Map<String, ?> values);

    /** Deletes the records. Never retried. No ids: returns true without calling Odoo. */
    boolean unlink(Collection<Long> ids);

    /**
     * Deprecated-in-19 {@code read_group}: groups with {@code fields} like {@code "product_uom_qty:sum"}.
     * Rows carry the group-by values, aggregates, {@code __count} / {@code <field>_count} and {@code __domain}.
     */
    List<OdooRecord> readGroup(Domain domain, List<String> fields, List<String> groupBy, SearchOptions options);

    /** Odoo 19's {@code formatted_read_group}: {@code aggregates} like {@code "product_uom_qty:sum"} or {@code "__count"}. */
    List<OdooRecord> formattedReadGroup(Domain domain, List<String> groupBy, List<String> aggregates, SearchOptions options);

    /** {@code name_search}: records whose display name matches, as refs. */
    List<Ref> nameSearch(String name, Domain domain, String operator, int limit);

    /**
     * Calls any public method with named arguments. {@code ids} (may be empty) selects the
     * records for record methods. A {@code "context"} map among {@code kwargs} is laid over the
     * configured default context (its keys win, the other default keys stay). Never retried. The
     * result is plain Java: Map, List, String, Number, Boolean (Odoo's {@code False} stays
     * {@code Boolean.FALSE}), or null for a method that returns None (such as
     * {@code action_archive} or {@code mail.mail.send}): the change is made, XML-RPC just cannot
     * carry the answer.
     *
     * <p>Odoo binds XML-RPC and JSON-RPC arguments by position for some methods: {@code create}
     * needs its records as the first positional argument, and a few parameters were renamed
     * between versions ({@code name_search}'s {@code args} became {@code domain} in 19). Use
     * {@link #call(String, List, Positional, Map)} for those.
     */
    Object call(String method, List<Long> ids, Map<String, ?> kwargs);

    /**
     * Calls any public method with leading arguments that XML-RPC and JSON-RPC send by position
     * after the ids (JSON-2 sends them by name), and further named arguments; otherwise like
     * {@link #call(String, List, Map)}. For example
     * {@code call("create", List.of(), Positional.of("vals_list", List.of(values)), Map.of())}
     * or {@code call("default_get", List.of(), Positional.of("fields", List.of("name")), Map.of())}.
     * Never retried.
     *
     * <p>The default implementation supports only {@link Positional#none()} and then calls
     * {@link #call(String, List, Map)}; the client's own handles support every shape.
     *
     * @throws UnsupportedOperationException from the default implementation when {@code positional} is not empty
     */
    default Object call(String method, List<Long> ids, Positional positional, Map<String, ?> kwargs) {
        java.util.Objects.requireNonNull(positional, "positional == null");
        if (!positional.parameters().isEmpty()) {
            throw new UnsupportedOperationException(getClass().getName() + " cannot send positional arguments");
        }
        return call(method, ids, kwargs);
    }

    /** Calls a model-level method (no ids) with named arguments. */
    default Object call(String method, Map<String, ?> kwargs) {
        return call(method, List.of(), kwargs);
    }
}
