package dev.odoobridge.readmodel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.odoobridge.readmodel.ReadModelException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registrations in MongoDB (several writer processes): a batch holds the safe sequence below its sequences from
 * before its first reservation until it closes, renews its registration while it runs, refuses to write once the
 * registration may have expired for a reader, and a crashed writer's registration stops counting when it expires.
 */
class ChangeBatchTest {
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase db;
    private final LeaseClock time = new LeaseClock();
    private final MongoChangeLog log;

    ChangeBatchTest() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        db = client.getDatabase("changes");
        log = new MongoChangeLog(db, Clock.systemUTC(), time, LEASE, Duration.ofDays(30), false);
        log.open(List.of("things"), false);
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRunningBatchHoldsTheSafeSequenceBelowItsSequencesUntilItCloses() {
        ChangeBatch done = log.begin();
        done.expect(3);
        long first = done.next();
        assertThat(db.getCollection(MongoChangeLog.INFLIGHT).countDocuments()).isEqualTo(1);
        assertThat(log.safeSequence()).isLessThan(first);
        done.close();
        assertThat(log.safeSequence()).isEqualTo(first + 2); // the whole block: its unused rest never appears
        assertThat(db.getCollection(MongoChangeLog.INFLIGHT).countDocuments()).isZero();

        ChangeBatch running = log.begin();
        long second = running.next();
        assertThat(second).isGreaterThan(first + 2);
        ChangeBatch later = log.begin();
        long third = later.next();
        later.close();
        assertThat(log.safeSequence()).isEqualTo(first + 2).isLessThan(second); // the running one still holds it
        running.close();
        assertThat(log.safeSequence()).isEqualTo(third);
    }

    @Test
    void aBatchRenewsItsRegistrationAndFailsRatherThanWritePastIt() {
        ChangeBatch batch = log.begin();
        long seq = batch.next();
        time.advance(LEASE.dividedBy(2).plusSeconds(1));
        batch.checkLease(); // renewed for another lease from now
        time.advance(LEASE.dividedBy(2).plusSeconds(1));
        assertThat(log.safeSequence()).isLessThan(seq);
        batch.checkLease();
        time.advance(LEASE.minus(LEASE.dividedBy(4)));
        assertThatThrownBy(batch::checkLease).isInstanceOf(ReadModelException.class).hasMessageContaining("lease");
        assertThatThrownBy(batch::next).isInstanceOf(ReadModelException.class);
    }

    @Test
    void aCrashedWritersRegistrationStopsCountingWhenItExpires() {
        ChangeBatch crashed = log.begin();
        long seq = crashed.next();
        crashed.failed(); // left to expire, as a write of it may still land
        assertThat(log.safeSequence()).isLessThan(seq);
        time.advance(LEASE.plusSeconds(1));
        assertThat(log.safeSequence()).isEqualTo(seq);
        time.advance(LEASE.plusSeconds(1));
        log.purgeTombstones();
        assertThat(db.getCollection(MongoChangeLog.INFLIGHT).countDocuments()).isZero();
    }

    @Test
    void aBatchThatChangesNothingCostsNothing() {
        try (ChangeBatch batch = log.begin()) {
            assertThat(batch.used()).isFalse();
        }
        assertThat(db.getCollection(MongoChangeLog.INFLIGHT).countDocuments()).isZero();
        assertThat(log.safeSequence()).isZero();
    }

    /** The lease clock, moved by the tests. */
    private static final class LeaseClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T03:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
