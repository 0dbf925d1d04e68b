package dev.odoobridge.sync.testing;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.value.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The ORM methods the sync uses, on a {@link FakeOdoo} model; the rest are not part of this double. */
final class FakeModelHandle implements ModelHandle {
    private final FakeOdoo odoo;
    private final String model;

    FakeModelHandle(FakeOdoo odoo, String model) {
        this.odoo = odoo;
        this.model = model;
    }

    @Override
    public String name() {
        return model;
    }

    @Override
    public List<Long> search(Domain domain, SearchOptions options) {
        return odoo.select(model, "search", domain, options.order(), options.limit(), options.offset(), options.context())
                .stream().map(r -> r.id).toList();
    }

    @Override
    public long searchCount(Domain domain) {
        return searchCount(domain, SearchOptions.DEFAULT);
    }

    @Override
    public long searchCount(Domain domain, SearchOptions options) {
        return odoo.select(model, "search_count", domain, null, 0, 0, options.context()).size();
    }

    @Override
    public List<OdooRecord> read(Collection<Long> ids, List<String> fields) {
        return odoo.read(model, "read", List.copyOf(ids), fields);
    }

    @Override
    public List<OdooRecord> searchRead(Domain domain, List<String> fields, SearchOptions options) {
        List<FakeOdoo.Row> rows = odoo.select(model, "search_read", domain, options.order(), options.limit(),
                options.offset(), options.context());
        List<OdooRecord> out = new ArrayList<>(rows.size());
        for (FakeOdoo.Row row : rows) {
            out.add(odoo.wire(model, row, fields));
        }
        return out;
    }

    @Override
    public Stream<OdooRecord> stream(Domain domain, List<String> fields, int pageSize) {
        java.util.Iterator<OdooRecord> it = new java.util.Iterator<>() {
            private List<OdooRecord> page = List.of();
            private int index;
            private long lastId;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                page = searchRead(Domains.and(domain, Domains.gt("id", lastId)), fields,
                        SearchOptions.DEFAULT.order("id asc").limit(pageSize));
                index = 0;
                done = page.size() < pageSize;
                if (!page.isEmpty()) {
                    lastId = page.get(page.size() - 1).id();
                }
                return !page.isEmpty();
            }

            @Override
            public OdooRecord next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    @Override
    public long create(Map<String, ?> values) {
        return odoo.create(model, values);
    }

    @Override
    public List<Long> create(List<? extends Map<String, ?>> values) {
        return values.stream().map(this::create).toList();
    }

    @Override
    public boolean write(Collection<Long> ids, Map<String, ?> values) {
        ids.forEach(id -> odoo.write(model, id, values));
        return true;
    }

    @Override
    public boolean unlink(Collection<Long> ids) {
        ids.forEach(id -> odoo.unlink(model, id));
        return true;
    }

    @Override
    public ModelDefinition fieldsGet(List<String> attributes) {
        throw new UnsupportedOperationException("the sync test double does not serve fields_get");
    }

    @Override
    public List<OdooRecord> readGroup(Domain domain, List<String> fields, List<String> groupBy, SearchOptions options) {
        throw new UnsupportedOperationException("the sync test double does not serve read_group");
    }

    @Override
    public List<OdooRecord> formattedReadGroup(Domain domain, List<String> groupBy, List<String> aggregates, SearchOptions options) {
        throw new UnsupportedOperationException("the sync test double does not serve formatted_read_group");
    }

    @Override
    public List<Ref> nameSearch(String name, Domain domain, String operator, int limit) {
        throw new UnsupportedOperationException("the sync test double does not serve name_search");
    }

    @Override
    public Object call(String method, List<Long> ids, Map<String, ?> kwargs) {
        throw new UnsupportedOperationException("the sync test double does not serve " + method + " through call");
    }
}
