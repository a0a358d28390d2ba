package org.sessionrnn.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns the text of a time field into epoch milliseconds (UTC). Implementations throw
 * {@link DateTimeException} or {@link NumberFormatException} on bad input; the caller adds file and line.
 * Parsers that cache may keep state, so each reader uses its own instances.
 */
interface TimeParser {
    long DAY_MS = 86_400_000L;

    long toMillis(String s, int start, int end);

    /** What a valid value looks like, for error messages. */
    String expected();

    /**
     * The parser for a {@code CsvSpec} time format: {@code epoch_seconds}, {@code epoch_millis}, {@code iso},
     * {@code date} or a {@link DateTimeFormatter} pattern (read as UTC).
     */
    static TimeParser of(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "epoch_seconds":
                return new EpochSeconds();
            case "epoch_millis":
                return new EpochMillis();
            case "iso":
                return new IsoInstant();
            case "date":
                return new IsoDate();
            default:
                return new Pattern(format);
        }
    }

    /** Epoch seconds with an optional decimal fraction, e.g. {@code 1396332318.365}, rounded to the milli. */
    final class EpochSeconds implements TimeParser {
        @Override
        public long toMillis(String s, int start, int end) {
            int dot = s.indexOf('.', start);
            if (dot < 0 || dot >= end) {
                return Math.multiplyExact(Fields.parseLong(s, start, end), 1000L);
            }
            long seconds = Fields.parseLong(s, start, dot);
            if (dot + 1 == end || s.charAt(start) == '-') {
                return Math.round(Double.parseDouble(s.substring(start, end)) * 1000);
            }
            return seconds * 1000 + fractionMillis(s, dot + 1, end);
        }

        /** The first three fraction digits, rounded by the fourth. */
        private static long fractionMillis(String s, int from, int end) {
            long millis = 0;
            for (int i = 0; i < 4; i++) {
                int d = from + i < end ? s.charAt(from + i) - '0' : 0;
                if (d < 0 || d > 9) {
                    throw new NumberFormatException(s.substring(from, end));
                }
                millis = i < 3 ? millis * 10 + d : millis + (d >= 5 ? 1 : 0);
            }
            for (int i = from + 4; i < end; i++) {
                if (!Character.isDigit(s.charAt(i))) {
                    throw new NumberFormatException(s.substring(from, end));
                }
            }
            return millis;
        }

        @Override
        public String expected() {
            return "epoch seconds like 1396332318.365";
        }
    }

    /** Integer epoch milliseconds. */
    final class EpochMillis implements TimeParser {
        @Override
        public long toMillis(String s, int start, int end) {
            return Fields.parseLong(s, start, end);
        }

        @Override
        public String expected() {
            return "epoch milliseconds like 1396332318365";
        }
    }

    /**
     * ISO-8601 instants. The fixed YOOCHOOSE layout {@code yyyy-MM-ddTHH:mm:ss[.fff]Z} is parsed by hand, with
     * the day cached because consecutive clicks nearly always share it; other ISO forms (offsets, no zone =
     * UTC) go through java.time.
     */
    final class IsoInstant implements TimeParser {
        private final DayCache days = new DayCache();

        @Override
        public long toMillis(String s, int start, int end) {
            long fast = fastPath(s, start, end);
            return fast != Long.MIN_VALUE ? fast : fallback(s.substring(start, end));
        }

        private long fastPath(String s, int start, int end) {
            if (end - start < 20 || s.charAt(end - 1) != 'Z' || s.charAt(start + 10) != 'T'
                    || s.charAt(start + 13) != ':' || s.charAt(start + 16) != ':') {
                return Long.MIN_VALUE;
            }
            long day = days.epochDay(s, start);
            int hour = digits(s, start + 11, start + 13);
            int minute = digits(s, start + 14, start + 16);
            int second = digits(s, start + 17, start + 19);
            int millis = fraction(s, start + 19, end - 1);
            if (day == Long.MIN_VALUE || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                    || second > 59 || millis < 0) {
                return Long.MIN_VALUE;
            }
            return day * DAY_MS + ((hour * 60L + minute) * 60 + second) * 1000 + millis;
        }

        /** Milliseconds of a {@code .fff...} part (possibly empty), truncated like {@code Instant}; -1 if bad. */
        private static int fraction(String s, int from, int end) {
            if (from == end) {
                return 0;
            }
            if (s.charAt(from) != '.' || from + 1 == end) {
                return -1;
            }
            int millis = 0;
            for (int i = 1; i <= 3; i++) {
                int d = from + i < end ? digits(s, from + i, from + i + 1) : 0;
                if (d < 0) {
                    return -1;
                }
                millis = millis * 10 + d;
            }
            return from + 4 < end && digits(s, from + 4, end) < 0 ? -1 : millis;
        }

        private static long fallback(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }

        @Override
        public String expected() {
            return "ISO-8601 like 2014-04-07T10:51:09.277Z";
        }
    }

    /** A day {@code yyyy-MM-dd} as midnight UTC. */
    final class IsoDate implements TimeParser {
        private final DayCache days = new DayCache();

        @Override
        public long toMillis(String s, int start, int end) {
            long day = end - start == 10 ? days.epochDay(s, start) : Long.MIN_VALUE;
            if (day == Long.MIN_VALUE) {
                throw new DateTimeException("not a yyyy-MM-dd date");
            }
            return day * DAY_MS;
        }

        @Override
        public String expected() {
            return "a date like 2016-05-09";
        }
    }

    /** Any {@link DateTimeFormatter} pattern; dates without a time are midnight, missing zones are UTC. */
    final class Pattern implements TimeParser {
        private final String pattern;
        private final DateTimeFormatter formatter;

        Pattern(String pattern) {
            this.pattern = pattern;
            try {
                this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new DataException("bad time format '" + pattern + "' (expected epoch_seconds, epoch_millis, "
                        + "iso, date or a java.time DateTimeFormatter pattern): " + e.getMessage());
            }
        }

        @Override
        public long toMillis(String s, int start, int end) {
            TemporalAccessor t = formatter.parseBest(s.substring(start, end), OffsetDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (t instanceof OffsetDateTime odt) {
                return odt.toInstant().toEpochMilli();
            }
            if (t instanceof LocalDateTime ldt) {
                return ldt.toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return ((LocalDate) t).toEpochDay() * DAY_MS;
        }

        @Override
        public String expected() {
            return "a time matching pattern '" + pattern + "'";
        }
    }

    /** The unsigned decimal number in {@code [from, to)}, or -1 when a character is not a digit. */
    static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** Remembers the epoch day of the last {@code yyyy-MM-dd} seen, so runs of one day parse it once. */
    final class DayCache {
        private final char[] last = new char[10];
        private long lastDay = Long.MIN_VALUE;

        /** The epoch day of the 10 characters at {@code start}, or {@code Long.MIN_VALUE} when invalid. */
        long epochDay(String s, int start) {
            if (lastDay != Long.MIN_VALUE && sameAsLast(s, start)) {
                return lastDay;
            }
            int year = digits(s, start, start + 4);
            int month = digits(s, start + 5, start + 7);
            int day = digits(s, start + 8, start + 10);
            if (year < 0 || month < 0 || day < 0 || s.charAt(start + 4) != '-' || s.charAt(start + 7) != '-') {
                return Long.MIN_VALUE;
            }
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            s.getChars(start, start + 10, last, 0);
            lastDay = epochDay;
            return epochDay;
        }

        private boolean sameAsLast(String s, int start) {
            for (int i = 0; i < 10; i++) {
                if (s.charAt(start + i) != last[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
