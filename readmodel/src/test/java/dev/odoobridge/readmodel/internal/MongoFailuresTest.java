package dev.odoobridge.readmodel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.stock.LotStock;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.StockViews;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MongoFailuresTest {
    private static final MongoSocketReadException LOST = new MongoSocketReadException("connection lost",
            new ServerAddress("db.example", 27017));

    @Test
    void aMongoDbFailureLeavesAsAReadModelExceptionWithItsCause() {
        StockViews guarded = MongoFailures.guard(StockViews.class, failingWith(LOST));
        assertThatThrownBy(() -> guarded.lots("shop", 7)).isInstanceOf(ReadModelException.class)
                .hasMessageContaining("StockViews.lots").hasMessageContaining("connection lost").hasCause(LOST);
    }

    @Test
    void otherFailuresAndResultsPassUnchanged() {
        IllegalArgumentException bad = new IllegalArgumentException("bad source");
        assertThatThrownBy(() -> MongoFailures.guard(StockViews.class, failingWith(bad)).product("", 1)).isSameAs(bad);
        StockViews empty = new StockViews() {
            @Override
            public Optional<ProductStock> product(String source, long productId) {
                return Optional.empty();
            }

            @Override
            public List<LotStock> lots(String source, long productId) {
                return List.of();
            }
        };
        assertThat(MongoFailures.guard(StockViews.class, empty).lots("shop", 1)).isEmpty();
    }

    private static StockViews failingWith(RuntimeException failure) {
        return new StockViews() {
            @Override
            public Optional<ProductStock> product(String source, long productId) {
                throw failure;
            }

            @Override
            public List<LotStock> lots(String source, long productId) {
                throw failure;
            }
        };
    }
}
