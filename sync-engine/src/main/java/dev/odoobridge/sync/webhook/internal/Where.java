package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of an {@link EventFilter}, with its parameters bound in order. */
final class Where {
    private final List<String> conditions;
    private final List<Object> params;

    private Where(List<String> conditions, List<Object> params) {
        this.conditions = conditions;
        this.params = params;
    }

    static Where of(EventFilter f) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!f.ids().isEmpty()) {
            conditions.add("id = ANY (?)");
            params.add(f.ids().toArray(new Long[0]));
        }
        if (f.receivedFrom() != null) {
            conditions.add("received_at >= ?");
            params.add(InboxRepository.odt(f.receivedFrom()));
        }
        if (f.receivedTo() != null) {
            conditions.add("received_at < ?");
            params.add(InboxRepository.odt(f.receivedTo()));
        }
        if (f.source() != null) {
            conditions.add("source = ?");
            params.add(f.source());
        }
        if (f.model() != null) {
            conditions.add("model = ?");
            params.add(f.model());
        }
        if (!f.statuses().isEmpty()) {
            conditions.add("status = ANY (?)");
            params.add(f.statuses().stream().map(EventStatus::dbValue).toArray(String[]::new));
        }
        return new Where(conditions, params);
    }

    Where and(String condition) {
        List<String> more = new ArrayList<>(conditions);
        more.add(condition);
        return new Where(more, params);
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds from {@code index}; returns the next free index. */
    int bind(PreparedStatement ps, int index) throws SQLException {
        int i = index;
        for (Object p : params) {
            if (p instanceof Long[] longs) {
                ps.setArray(i++, ps.getConnection().createArrayOf("bigint", longs));
            } else if (p instanceof String[] strings) {
                ps.setArray(i++, ps.getConnection().createArrayOf("text", strings));
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }
}
