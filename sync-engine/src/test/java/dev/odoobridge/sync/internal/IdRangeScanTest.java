package dev.odoobridge.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IdRangeScanTest {

    @Test
    void rangesHoldAboutFourPagesOfRecordsWhateverTheDensityOfIds() {
        // dense ids: four pages of ids per range
        assertThat(IdRangeScan.rangeIds(100_000, 100_000, 500)).isEqualTo(2_000);
        // one record in ten ids: ten times the ids per range
        assertThat(IdRangeScan.rangeIds(1_000_000, 100_000, 500)).isEqualTo(20_000);
        // fewer ids than a range: one range of all of them
        assertThat(IdRangeScan.rangeIds(700, 650, 500)).isEqualTo(700);
        // never below four pages of ids, even when the count says more records than ids (rows created meanwhile)
        assertThat(IdRangeScan.rangeIds(10_000, 20_000, 500)).isEqualTo(2_000);
    }

    @Property
    void rangesCoverEveryIdOnceInOrder(@ForAll @LongRange(min = 0, max = 1_000_000) long afterId,
                                       @ForAll @IntRange(min = 1, max = 100_000) int span,
                                       @ForAll @IntRange(min = 1, max = 100_000) int records,
                                       @ForAll @IntRange(min = 1, max = 2_000) int pageSize) {
        long maxId = afterId + span;
        IdRangeScan.Ranges ranges = new IdRangeScan.Ranges(afterId, maxId, IdRangeScan.rangeIds(span, records, pageSize));
        long expectedStart = afterId;
        int n = 0;
        int range;
        while ((range = ranges.next()) >= 0) {
            assertThat(range).isEqualTo(n++);
            assertThat(ranges.start(range)).isEqualTo(expectedStart);
            assertThat(ranges.end(range)).isGreaterThan(ranges.start(range)).isLessThanOrEqualTo(maxId);
            expectedStart = ranges.end(range);
        }
        assertThat(n).isEqualTo(ranges.count());
        assertThat(expectedStart).isEqualTo(maxId);
        assertThat(ranges.next()).isEqualTo(-1);
    }
}
