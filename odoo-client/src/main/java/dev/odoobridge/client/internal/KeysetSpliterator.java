package dev.odoobridge.client.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/** Pages through a model by {@code id > last} in id order; holds at most one page. */
final class KeysetSpliterator extends Spliterators.AbstractSpliterator<OdooRecord> {
    private final DefaultModelHandle handle;
    private final Domain domain;
    private final List<String> fields;
    private final int pageSize;
    private final Deque<OdooRecord> buffer = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    KeysetSpliterator(DefaultModelHandle handle, Domain domain, List<String> fields, int pageSize) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
        this.handle = handle;
        this.domain = domain;
        this.fields = withId(fields);
        this.pageSize = pageSize;
    }

    private static List<String> withId(List<String> fields) {
        if (fields.isEmpty() || fields.contains("id")) {
            return List.copyOf(fields);
        }
        List<String> f = new ArrayList<>(fields);
        f.add("id");
        return List.copyOf(f);
    }

    @Override
    public boolean tryAdvance(Consumer<? super OdooRecord> action) {
        if (buffer.isEmpty() && !exhausted) {
            fetch();
        }
        OdooRecord next = buffer.poll();
        if (next == null) {
            return false;
        }
        action.accept(next);
        return true;
    }

    private void fetch() {
        Domain page = lastId == 0 ? domain : Domains.and(domain, Domains.gt("id", lastId));
        List<OdooRecord> rows = handle.searchRead(page, fields,
                SearchOptions.DEFAULT.order("id asc").limit(pageSize));
        if (rows.size() < pageSize) {
            exhausted = true;
        }
        if (!rows.isEmpty()) {
            lastId = rows.get(rows.size() - 1).id();
        }
        buffer.addAll(rows);
    }
}
