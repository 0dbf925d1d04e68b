package dev.odoobridge.testkit.internal.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** An {@link OdooServer} over a {@link StubOrm} on a free port, with admin (uid 2) and demo (uid 5). */
final class ServerFixture implements AutoCloseable {
    static final Path RECORDINGS = Path.of("..", "odoo-recordings");

    final StubOrm orm = new StubOrm();
    final Credentials credentials = new Credentials(new Random(7));
    final FaultPlan faults = new FaultPlan(new Random(11));
    final OdooServer server;
    final RawHttp http;

    ServerFixture() {
        credentials.add(new Credentials.User(2, "admin", "admin"));
        credentials.add(new Credentials.User(5, "demo", "demo"));
        orm.put("res.partner", 43, java.util.Map.of("name", "My Company (Chicago)", "email", "chicago@yourcompany.com"));
        orm.put("res.company", 1, java.util.Map.of("name", "My Company"));
        server = new OdooServer(orm, dev.odoobridge.testkit.internal.orm.OdooRelease.DEFAULT, credentials, faults, "retail", new InetSocketAddress("127.0.0.1", 0), 4, dev.odoobridge.testkit.ServingPace.NONE);
        server.start();
        http = new RawHttp(server.url());
    }

    static String recording(String file) {
        try {
            return Files.readString(RECORDINGS.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Override
    public void close() {
        server.close();
    }
}
