package dev.odoobridge.client.internal;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.Positional;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooCall.Argument;
import dev.odoobridge.client.value.OdooValues;
import dev.odoobridge.client.value.Ref;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Maps each ORM method to one {@link OdooCall} in a shape every Odoo version accepts on every
 * transport (checked against the conformance recordings of 17.0, 18.0 and 19.0) and decodes its
 * result. Over XML-RPC / JSON-RPC:
 * <ul>
 *   <li>{@code search(domain, limit=, offset=, order=)}, {@code search_count(domain)},
 *       {@code search_read(domain, fields=, limit=, offset=, order=)}: the domain by position;</li>
 *   <li>{@code read(ids, fields)}, {@code write(ids, vals)}, {@code unlink(ids)}: ids first;</li>
 *   <li>{@code create(vals_list)}: the list of dicts by position ({@code call_kw} reads
 *       {@code args[0]}; a named {@code vals_list} is an IndexError on every version);</li>
 *   <li>{@code name_search(name, domain, operator, limit)}: all by position, because the second
 *       parameter is {@code args} on 17/18 and {@code domain} on 19;</li>
 *   <li>{@code fields_get(attributes=)}, {@code read_group(domain=, fields=, groupby=, lazy=, ...)},
 *       {@code formatted_read_group(domain=, groupby=, aggregates=, ...)}: named.</li>
 * </ul>
 * JSON-2 gets the same arguments, all by name.
 */
final class DefaultModelHandle implements ModelHandle {
    private final String model;
    private final DefaultOdooClient client;

    DefaultModelHandle(String model, DefaultOdooClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public String name() {
        return model;
    }

    @Override
    public List<Long> search(Domain domain, SearchOptions options) {
        Map<String, Object> kw = kwargs(options.context());
        page(kw, options, "order");
        return ResultDecoder.ids(exec("search", null, List.of(Argument.of("domain", domain(domain))), kw, true));
    }

    @Override
    public long searchCount(Domain domain) {
        return searchCount(domain, SearchOptions.DEFAULT);
    }

    @Override
    public long searchCount(Domain domain, SearchOptions options) {
        Map<String, Object> kw = kwargs(options.context());
        return ResultDecoder.number(exec("search_count", null, List.of(Argument.of("domain", domain(domain))), kw, true))
                .longValue();
    }

    @Override
    public List<OdooRecord> read(Collection<Long> ids, List<String> fields) {
        Objects.requireNonNull(ids, "ids == null");
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Argument> positional = fields.isEmpty() ? List.of() : List.of(Argument.of("fields", List.copyOf(fields)));
        return ResultDecoder.records(exec("read", List.copyOf(ids), positional, kwargs(Map.of()), true));
    }

    @Override
    public List<OdooRecord> searchRead(Domain domain, List<String> fields, SearchOptions options) {
        Map<String, Object> kw = kwargs(options.context());
        kw.put("fields", List.copyOf(fields));
        page(kw, options, "order");
        return ResultDecoder.records(exec("search_read", null, List.of(Argument.of("domain", domain(domain))), kw, true));
    }

    @Override
    public Stream<OdooRecord> stream(Domain domain, List<String> fields, int pageSize) {
        Objects.requireNonNull(domain, "domain == null");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        return StreamSupport.stream(new KeysetSpliterator(this, domain, fields, pageSize), false);
    }

    @Override
    public ModelDefinition fieldsGet(List<String> attributes) {
        Map<String, Object> kw = kwargs(Map.of());
        if (!attributes.isEmpty()) {
            kw.put("attributes", List.copyOf(attributes));
        }
        return ModelDefinition.fromFieldsGet(model, ResultDecoder.map(exec("fields_get", null, List.of(), kw, true)));
    }

    @Override
    public long create(Map<String, ?> values) {
        List<Long> ids = create(List.of(values));
        if (ids.size() != 1) {
            throw new OdooTransportException(OdooTransportException.Kind.MALFORMED_RESPONSE, 0,
                    model + ".create returned " + ids.size() + " ids for one record", null);
        }
        return ids.get(0);
    }

    @Override
    public List<Long> create(List<? extends Map<String, ?>> values) {
        Objects.requireNonNull(values, "values == null");
        if (values.isEmpty()) {
            return List.of();
        }
        // by position: call_kw reads create's records from args[0] (a named vals_list is an IndexError)
        List<Argument> positional = List.of(Argument.of("vals_list", OdooValues.toWire(values)));
        return ResultDecoder.ids(exec("create", null, positional, kwargs(Map.of()), false));
    }

    @Override
    public boolean write(Collection<Long> ids, Map<String, ?> values) {
        Objects.requireNonNull(ids, "ids == null");
        Objects.requireNonNull(values, "values == null");
        if (ids.isEmpty()) {
            return true; // what Odoo answers for an empty recordset, without asking it
        }
        List<Argument> positional = List.of(Argument.of("vals", OdooValues.toWire(values)));
        return ResultDecoder.truth(exec("write", List.copyOf(ids), positional, kwargs(Map.of()), false));
    }

    @Override
    public boolean unlink(Collection<Long> ids) {
        Objects.requireNonNull(ids, "ids == null");
        if (ids.isEmpty()) {
            return true; // what Odoo answers for an empty recordset, without asking it
        }
        return ResultDecoder.truth(exec("unlink", List.copyOf(ids), List.of(), kwargs(Map.of()), false));
    }

    @Override
    public List<OdooRecord> readGroup(Domain domain, List<String> fields, List<String> groupBy, SearchOptions options) {
        Map<String, Object> kw = kwargs(options.context());
        kw.put("domain", domain(domain));
        kw.put("fields", List.copyOf(fields));
        kw.put("groupby", List.copyOf(groupBy));
        kw.put("lazy", false);
        page(kw, options, "orderby");
        return ResultDecoder.records(exec("read_group", null, List.of(), kw, true));
    }

    @Override
    public List<OdooRecord> formattedReadGroup(Domain domain, List<String> groupBy, List<String> aggregates,
                                               SearchOptions options) {
        Map<String, Object> kw = kwargs(options.context());
        kw.put("domain", domain(domain));
        kw.put("groupby", List.copyOf(groupBy));
        kw.put("aggregates", List.copyOf(aggregates));
        page(kw, options, "order");
        return ResultDecoder.records(exec("formatted_read_group", null, List.of(), kw, true));
    }

    @Override
    public List<Ref> nameSearch(String name, Domain domain, String operator, int limit) {
        // all by position over XML-RPC / JSON-RPC: the domain parameter is 'args' on 17/18 and 'domain' on 19;
        // JSON-2 (19 and later) names it 'domain' and leaves out the default operator
        String op = operator == null ? "ilike" : operator;
        List<Argument> positional = List.of(
                Argument.of("name", name == null ? "" : name),
                Argument.of("domain", domain(domain)),
                new Argument("operator", op, "ilike".equals(op)),
                Argument.of("limit", limit));
        return ResultDecoder.refs(exec("name_search", null, positional, kwargs(Map.of()), true));
    }

    @Override
    public Object call(String method, List<Long> ids, Map<String, ?> kwargs) {
        return call(method, ids, Positional.none(), kwargs);
    }

    @Override
    public Object call(String method, List<Long> ids, Positional positional, Map<String, ?> kwargs) {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(positional, "positional == null");
        Objects.requireNonNull(kwargs, "kwargs == null");
        Map<String, Object> kw = kwargs(Map.of());
        Map<String, Object> given = new LinkedHashMap<>(kwargs);
        Object callerContext = given.remove("context");
        if (callerContext instanceof Map<?, ?> extra) {
            // the caller's keys win over the default context; the other default keys stay
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) kw.get("context");
            extra.forEach((k, v) -> context.put(String.valueOf(k), OdooValues.toWire(v)));
        } else if (callerContext != null) {
            throw new IllegalArgumentException("kwargs 'context' must be a Map, was " + callerContext.getClass().getName());
        }
        given.forEach((k, v) -> kw.put(k, OdooValues.toWire(v)));
        List<Argument> leading = positional.parameters().stream()
                .map(p -> Argument.of(p.name(), OdooValues.toWire(p.value())))
                .toList();
        return exec(method, ids == null || ids.isEmpty() ? null : List.copyOf(ids), leading, kw, false);
    }

    private Object exec(String method, List<Long> ids, List<Argument> positional, Map<String, Object> kw,
                        boolean idempotent) {
        return client.execute(new OdooCall(model, method, ids, positional, kw, idempotent));
    }

    private Map<String, Object> kwargs(Map<String, Object> extraContext) {
        Map<String, Object> context = new LinkedHashMap<>(client.config().defaultContext());
        context.putAll(extraContext);
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("context", ResultDecoder.map(OdooValues.toWire(context)));
        return kw;
    }

    private static List<Object> domain(Domain domain) {
        return Objects.requireNonNull(domain, "domain == null").toWire();
    }

    private static void page(Map<String, Object> kw, SearchOptions options, String orderKey) {
        if (options.order() != null) {
            kw.put(orderKey, options.order());
        }
        if (options.limit() > 0) {
            kw.put("limit", options.limit());
        }
        if (options.offset() > 0) {
            kw.put("offset", options.offset());
        }
    }
}
