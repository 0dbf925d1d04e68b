package dev.odoobridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.sync.state.StateStoreException;
import org.junit.jupiter.api.Test;

class FailureMapperTest {

    @Test
    void storeFailuresAreMappedByTheirLibrarysExceptionTypeAnywhereInTheCauseChain() {
        FailureMapper.Mapped mongo = FailureMapper.map(new IllegalStateException("sync failed",
                new ReadModelException("MongoDB failed in Projector.apply: timed out\nmore detail")));
        assertThat(mongo.code()).isEqualTo(ExitCode.MONGODB_UNAVAILABLE);
        assertThat(mongo.message()).isEqualTo("MongoDB failed: MongoDB failed in Projector.apply: timed out");

        FailureMapper.Mapped postgres = FailureMapper.map(new StateStoreException("Could not connect"));
        assertThat(postgres.code()).isEqualTo(ExitCode.POSTGRES_UNAVAILABLE);
    }

    @Test
    void anExceptionNotOfAKnownTypeIsAFailureWhateverItsName() {
        FailureMapper.Mapped other = FailureMapper.map(new NamedLikeAStoreException("boom"));
        assertThat(other.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(other.message()).isEqualTo("NamedLikeAStoreException: boom");
    }

    /** Looks like a store failure by name only. */
    private static final class NamedLikeAStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NamedLikeAStoreException(String message) {
            super(message);
        }
    }
}
