package io.kgrec.loader.stage;

import io.kgrec.loader.read.Row;
import io.kgrec.model.id.CustomerId;
import io.kgrec.model.id.ItemId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Field parsers shared by the sources. Each either returns a clean value or throws {@link RowRejected} with the
 * reason code and a detail naming the column.
 */
public final class Fields {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,11}");
    /** Nothing kgrec loads happened before 1970; a little slack in the future tolerates clock skew. */
    private static final long FUTURE_SLACK_SECONDS = 86_400;

    private final ZoneId zone;
    private final long now;

    /**
     * @param zone the zone of local timestamps without an offset
     * @param now  epoch seconds beyond which (plus a day) a timestamp is out of range
     */
    public Fields(ZoneId zone, long now) {
        this.zone = zone;
        this.now = now;
    }

    /** The same parsers for a source whose local times are in another zone. */
    public Fields withZone(ZoneId otherZone) {
        return new Fields(otherZone, now);
    }

    public static String customerId(Row row, String column) throws RowRejected {
        String raw = required(row, column);
        try {
            return CustomerId.of(raw).value();
        } catch (IllegalArgumentException e) {
            throw new RowRejected(RejectReason.BAD_ID, column + ": " + e.getMessage());
        }
    }

    public static String itemId(Row row, String column) throws RowRejected {
        String raw = required(row, column);
        try {
            return ItemId.of(raw).value();
        } catch (IllegalArgumentException e) {
            throw new RowRejected(RejectReason.BAD_ID, column + ": " + e.getMessage());
        }
    }

    public static String required(Row row, String column) throws RowRejected {
        String v = row.get(column);
        if (v.isEmpty()) {
            throw new RowRejected(RejectReason.MISSING_ID, column + " is empty");
        }
        return v;
    }

    /** A strictly positive number; zero and negatives are returns or corrections, not engagement. */
    public static double positive(Row row, String column) throws RowRejected {
        double v = number(row, column);
        if (v <= 0) {
            throw new RowRejected(RejectReason.NON_POSITIVE_QUANTITY, column + " is " + row.get(column));
        }
        return v;
    }

    public static double number(Row row, String column) throws RowRejected {
        String raw = row.get(column);
        try {
            double v = Double.parseDouble(raw);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RowRejected(RejectReason.BAD_NUMBER, column + " '" + raw + "' is not a number");
        }
    }

    /** An optional number: {@code null} when the field is empty. */
    public static Double optionalNumber(Row row, String column) throws RowRejected {
        return row.isBlank(column) ? null : number(row, column);
    }

    /**
     * Epoch seconds from epoch digits, an ISO date-time with or without offset ({@code T} or space between date
     * and time), or a date; {@code null} when the field is empty.
     */
    public Long timestamp(Row row, String column) throws RowRejected {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            return null;
        }
        long seconds;
        try {
            seconds = parseEpochSeconds(raw);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new RowRejected(RejectReason.BAD_TIMESTAMP, column + " '" + raw + "' is not a date or time");
        }
        if (seconds < 0 || seconds > now + FUTURE_SLACK_SECONDS) {
            throw new RowRejected(RejectReason.TIMESTAMP_OUT_OF_RANGE, column + " '" + raw + "' is "
                    + Instant.ofEpochSecond(seconds));
        }
        return seconds;
    }

    private long parseEpochSeconds(String raw) {
        if (EPOCH_SECONDS.matcher(raw).matches()) {
            return Long.parseLong(raw);
        }
        String iso = raw.replace(' ', 'T');
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay(zone).toEpochSecond();
        }
        if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
            return OffsetDateTime.parse(iso).toEpochSecond();
        }
        return LocalDateTime.parse(iso).atZone(zone).toEpochSecond();
    }
}
