package dev.odoobridge.portal.pages.internal;

import dev.odoobridge.portal.pages.Proposal;
import dev.odoobridge.portal.pages.ProposalStore;
import dev.odoobridge.sync.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ProposalStore} in the state database (migration V8). A token is claimed by one {@code INSERT ... ON CONFLICT
 * DO NOTHING}, so two concurrent submits of the same form cannot both win; a proposal and its lines are written in one
 * transaction.
 */
public final class PostgresProposalStore implements ProposalStore {
    private static final String COLUMNS = "p.source, p.order_id, p.vendor, p.partner_id, p.order_name, p.created_at, "
            + "l.product_id, l.product_name, l.quantity, l.unit_price";

    private final DataSource dataSource;

    /** Over the state database's pool. */
    public PostgresProposalStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    }

    @Override
    public boolean claim(String token, String vendor, String source, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO portal_proposal_tokens (token, vendor, source,"
                     + " claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT (token) DO NOTHING")) {
            ps.setString(1, token);
            ps.setString(2, vendor);
            ps.setString(3, source);
            ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StateStoreException("Could not claim a proposal form token: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String token) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM portal_proposal_tokens t WHERE token = ?"
                     + " AND NOT EXISTS (SELECT 1 FROM portal_proposals p WHERE p.token = t.token)")) {
            ps.setString(1, token);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Could not release a proposal form token: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(Proposal p, String token) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_proposals (source, order_id, vendor,"
                        + " partner_id, order_name, token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, p.source());
                    ps.setLong(2, p.orderId());
                    ps.setString(3, p.vendor());
                    ps.setLong(4, p.partnerId());
                    ps.setString(5, p.orderName());
                    ps.setString(6, token);
                    ps.setObject(7, OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_proposal_lines (source, order_id,"
                        + " line_no, product_id, product_name, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    int n = 0;
                    for (Proposal.Line l : p.lines()) {
                        ps.setString(1, p.source());
                        ps.setLong(2, p.orderId());
                        ps.setInt(3, ++n);
                        ps.setLong(4, l.productId());
                        ps.setString(5, l.productName());
                        ps.setDouble(6, l.quantity());
                        ps.setDouble(7, l.unitPrice());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Could not record a restock proposal: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Proposal> proposals(String vendor) {
        return read("SELECT " + COLUMNS + " FROM portal_proposals p LEFT JOIN portal_proposal_lines l"
                + " ON l.source = p.source AND l.order_id = p.order_id WHERE p.vendor = ?"
                + " ORDER BY p.created_at DESC, p.source, p.order_id DESC, l.line_no", vendor, null, 0);
    }

    @Override
    public Optional<Proposal> proposal(String vendor, String source, long orderId) {
        return read("SELECT " + COLUMNS + " FROM portal_proposals p LEFT JOIN portal_proposal_lines l"
                + " ON l.source = p.source AND l.order_id = p.order_id WHERE p.vendor = ? AND p.source = ?"
                + " AND p.order_id = ? ORDER BY l.line_no", vendor, source, orderId).stream().findFirst();
    }

    private List<Proposal> read(String sql, String vendor, String source, long orderId) {
        Map<String, Header> headers = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, vendor);
            if (source != null) {
                ps.setString(2, source);
                ps.setLong(3, orderId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + '\u0000' + rs.getLong(2);
                    Header h = headers.computeIfAbsent(key, k -> header(rs));
                    long product = rs.getLong(7);
                    if (!rs.wasNull()) {
                        h.lines.add(new Proposal.Line(product, rs.getString(8), rs.getDouble(9), rs.getDouble(10)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StateStoreException("Could not read restock proposals: " + e.getMessage(), e);
        }
        return headers.values().stream().map(h -> new Proposal(h.vendor, h.source, h.orderId, h.partnerId, h.orderName,
                h.createdAt, h.lines)).toList();
    }

    private static Header header(ResultSet rs) {
        try {
            return new Header(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class).toInstant(), new ArrayList<>());
        } catch (SQLException e) {
            throw new StateStoreException("Could not read a restock proposal: " + e.getMessage(), e);
        }
    }

    private record Header(String source, long orderId, String vendor, long partnerId, String orderName,
                          Instant createdAt, List<Proposal.Line> lines) {
    }
}
