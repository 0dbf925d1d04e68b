package dev.odoobridge.feed.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.feed.ChangeSequence;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedScope;
import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process that pushes a change set and is killed ({@link Runtime#halt}) right after Odoo created the order,
 * before the device id's mapping is stored. Arguments: odoo url, database, login, password, state JDBC URL, source,
 * last_pulled_at, change-set file.
 */
public final class KillAfterCreate {
    /** The exit status of the kill. */
    public static final int KILLED = 137;

    private KillAfterCreate() {
    }

    /** Runs the push until the crash point. */
    public static void main(String[] args) throws Exception {
        OdooClient odoo = OdooClients.create(OdooConfig.builder().url(args[0]).database(args[1]).login(args[2])
                .secret(args[3]).transport(Transport.XMLRPC).build());
        try (StateDatabase state = StateDatabase.connect(args[4], "postgres", null)) {
            String source = args[5];
            FeedConfig config = FeedConfig.builder().readModel("mongodb://127.0.0.1:1", "unused")
                    .sequence(ChangeSequence.of(() -> 0, () -> 0)).source(source, odoo).stateDatabase(state)
                    .resync((s, m, ids) -> {
                        throw new IllegalStateException("never reached");
                    }).build();
            byte[] body = Files.readAllBytes(Path.of(args[7]));
            PushWriter writer = new PushWriter(config, null, state.dataSource(), (s, m, client, id) -> {
                if (m.equals("sale.order")) {
                    System.out.println("created " + id);
                    System.out.flush();
                    Runtime.getRuntime().halt(KILLED);
                }
            });
            writer.push(FeedScope.source(source), Long.parseLong(args[6]),
                    new ChangeSetParser(new ObjectMapper(), config).parse(body));
        }
        System.out.println("the push ended without reaching the crash point");
        System.exit(1);
    }
}
