package dev.odoobridge.testkit.internal.data;

/**
 * Formats epoch seconds as Odoo wire strings without {@code String.format} or {@code java.time}
 * objects, because the generator formats millions of timestamps.
 */
final class WireTime {

    static final long DAY = 86_400L;

    private WireTime() {
    }

    /** {@code "YYYY-MM-DD HH:MM:SS"} (naive UTC) for the given epoch second. */
    static String dateTime(long epochSecond) {
        char[] out = new char[19];
        long days = Math.floorDiv(epochSecond, DAY);
        int secs = (int) Math.floorMod(epochSecond, DAY);
        writeDate(days, out);
        out[10] = ' ';
        two(out, 11, secs / 3600);
        out[13] = ':';
        two(out, 14, secs / 60 % 60);
        out[16] = ':';
        two(out, 17, secs % 60);
        return new String(out);
    }

    /** {@code "YYYY-MM-DD"} for the given epoch day. */
    static String date(long epochDay) {
        char[] out = new char[10];
        writeDate(epochDay, out);
        return new String(out);
    }

    private static void writeDate(long epochDay, char[] out) {
        // Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar.
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is outside 0..9999; choose a realistic 'now'");
        }
        two(out, 0, year / 100);
        two(out, 2, year % 100);
        out[4] = '-';
        two(out, 5, month);
        out[7] = '-';
        two(out, 8, day);
    }

    private static void two(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }
}
