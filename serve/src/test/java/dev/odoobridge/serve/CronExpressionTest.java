package dev.odoobridge.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    static final ZonedDateTime MONDAY_10_07 = ZonedDateTime.of(2026, 12, 7, 10, 7, 30, 0, ZoneOffset.UTC);

    static ZonedDateTime next(String cron, ZonedDateTime after) {
        return CronExpression.parse(cron).next(after).orElseThrow();
    }

    static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneOffset.UTC);
    }

    @Test
    void everyMinuteIsTheNextWholeMinute() {
        assertThat(next("* * * * *", MONDAY_10_07)).isEqualTo(at(12, 7, 10, 8));
        assertThat(next("* * * * *", at(12, 7, 10, 8))).as("strictly after").isEqualTo(at(12, 7, 10, 9));
    }

    @Test
    void fixedTimesRollOverToTheNextDayMonthAndYear() {
        assertThat(next("30 3 * * *", MONDAY_10_07)).isEqualTo(at(12, 8, 3, 30));
        assertThat(next("30 3 * * *", at(12, 7, 3, 0))).isEqualTo(at(12, 7, 3, 30));
        assertThat(next("0 0 1 * *", MONDAY_10_07)).isEqualTo(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(next("0 12 29 2 *", MONDAY_10_07)).as("next leap day")
                .isEqualTo(ZonedDateTime.of(2028, 2, 29, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void stepsRangesListsAndNames() {
        assertThat(next("*/15 * * * *", MONDAY_10_07)).isEqualTo(at(12, 7, 10, 15));
        assertThat(next("5/20 * * * *", MONDAY_10_07)).isEqualTo(at(12, 7, 10, 25));
        assertThat(next("0 9-17/4 * * *", MONDAY_10_07)).isEqualTo(at(12, 7, 13, 0));
        assertThat(next("0 8,20 * * *", MONDAY_10_07)).isEqualTo(at(12, 7, 20, 0));
        assertThat(next("0 6 * JAN,jul *", MONDAY_10_07)).isEqualTo(ZonedDateTime.of(2027, 1, 1, 6, 0, 0, 0, ZoneOffset.UTC));
        assertThat(next("0 6 * * SAT,SUN", MONDAY_10_07)).isEqualTo(at(12, 12, 6, 0));
        assertThat(next("0 6 * * 6-7", at(12, 12, 7, 0))).isEqualTo(at(12, 13, 6, 0));
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(next("0 0 * * 0", MONDAY_10_07)).isEqualTo(at(12, 13, 0, 0));
        assertThat(next("0 0 * * 7", MONDAY_10_07)).isEqualTo(at(12, 13, 0, 0));
        assertThat(CronExpression.parse("0 0 * * 7")).isEqualTo(CronExpression.parse("0 0 * * SUN"));
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
        // the 15th or any Friday, whichever comes first
        assertThat(next("0 0 15 * FRI", MONDAY_10_07)).isEqualTo(at(12, 11, 0, 0));
        assertThat(next("0 0 8 * FRI", MONDAY_10_07)).isEqualTo(at(12, 8, 0, 0));
        // only a day-of-week restriction: every day of the month is allowed
        assertThat(next("0 0 * * TUE", MONDAY_10_07)).isEqualTo(at(12, 8, 0, 0));
    }

    @Test
    void macros() {
        assertThat(next("@daily", MONDAY_10_07)).isEqualTo(at(12, 8, 0, 0));
        assertThat(next("@hourly", MONDAY_10_07)).isEqualTo(at(12, 7, 11, 0));
        assertThat(next("@weekly", MONDAY_10_07)).isEqualTo(at(12, 13, 0, 0));
        assertThat(next("@monthly", MONDAY_10_07)).isEqualTo(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void impossibleDatesHaveNoNextTime() {
        assertThat(CronExpression.parse("0 0 30 2 *").next(MONDAY_10_07)).isEmpty();
    }

    @Test
    void readsTheZoneOfTheStartingTimeAcrossDaylightSaving() {
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        ZonedDateTime beforeSpringForward = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, brussels);
        // 02:30 does not exist that night; the next 02:30 is the following day
        assertThat(next("30 2 * * *", beforeSpringForward).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 30));
        assertThat(next("0 3 * * *", beforeSpringForward).toOffsetDateTime().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void invalidExpressionsNameTheField() {
        assertThatThrownBy(() -> CronExpression.parse("* * * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronExpression.parse("60 * * * *")).hasMessageContaining("minute");
        assertThatThrownBy(() -> CronExpression.parse("* 24 * * *")).hasMessageContaining("hour");
        assertThatThrownBy(() -> CronExpression.parse("* * 0 * *")).hasMessageContaining("day of month");
        assertThatThrownBy(() -> CronExpression.parse("* * * 13 *")).hasMessageContaining("month");
        assertThatThrownBy(() -> CronExpression.parse("* * * * 8")).hasMessageContaining("day of week");
        assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *")).hasMessageContaining("step");
        assertThatThrownBy(() -> CronExpression.parse("5-1 * * * *")).hasMessageContaining("ascending");
        assertThatThrownBy(() -> CronExpression.parse("a * * * *")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CronExpression.parse("1,,2 * * * *")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CronExpression.parse("")).hasMessageContaining("5 fields");
    }

    @Test
    void keepsItsText() {
        assertThat(CronExpression.parse(" 30 3 * * * ")).hasToString("30 3 * * *");
    }
}
