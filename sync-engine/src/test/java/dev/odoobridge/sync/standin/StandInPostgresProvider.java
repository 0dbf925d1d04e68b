package dev.odoobridge.sync.standin;

import dev.odoobridge.sync.state.StateStoreException;
import dev.odoobridge.sync.state.spi.EmbeddedPostgresProvider;
import dev.odoobridge.sync.state.spi.RunningPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The PostgreSQL behind {@code StateDatabase.embedded} in this module's tests: zonky's server on the directory,
 * without the embedded module's lock file and orphan handling (tested there, with the server it starts).
 */
public final class StandInPostgresProvider implements EmbeddedPostgresProvider {
    @Override
    public RunningPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false);
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new RunningPostgres() {
                @Override
                public String jdbcUrl() {
                    return pg.getJdbcUrl("postgres", "postgres");
                }

                @Override
                public String user() {
                    return "postgres";
                }

                @Override
                public void close() {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        System.err.println("stopping the test PostgreSQL failed: " + e); // close never throws
                    }
                }
            };
        } catch (IOException e) {
            throw new StateStoreException("starting the test PostgreSQL in " + dataDirectory + " failed: " + e, e);
        }
    }
}
