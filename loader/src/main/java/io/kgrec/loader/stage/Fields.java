package io.kgrec.loader.stage;

import io.kgrec.loader.read.Fix;
import io.kgrec.loader.read.Row;
import io.kgrec.model.id.CustomerId;
import io.kgrec.model.id.ItemId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Field parsers shared by the sources, and the missing-value policy in one place. Each parser either returns a clean
 * value or throws {@link RowRejected} with the reason code and a detail naming the column. When a value is missing:
 * ids and ratings reject the row ({@code MISSING_ID}, {@code MISSING_VALUE}); a quantity reads as 1 (the row records
 * one event); money, times and names are left out and the row is kept. Every default is counted as a {@link Fix}.
 */
public final class Fields {
    /** Nothing kgrec loads happened before 1970; a little slack in the future tolerates clock skew. */
    private static final long FUTURE_SLACK_SECONDS = 86_400;

    private final Dates dates;
    private final long now;

    /**
     * @param zone the zone of local timestamps without an offset
     * @param now  epoch seconds beyond which (plus a day) a timestamp is out of range
     */
    public Fields(ZoneId zone, long now) {
        this(new Dates(zone, null), now);
    }

    private Fields(Dates dates, long now) {
        this.dates = dates;
        this.now = now;
    }

    /** The same parsers for a source whose local times are in another zone. */
    public Fields withZone(ZoneId otherZone) {
        return new Fields(dates.withZone(otherZone), now);
    }

    /**
     * The same parsers for a source that states its date format ({@link java.time.format.DateTimeFormatter}
     * pattern, e.g. {@code dd/MM/yyyy HH:mm}); without one, only unambiguous formats are accepted.
     *
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public Fields withDateFormat(String pattern) {
        return new Fields(dates.withPattern(pattern), now);
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

    /** Any other key (campaign id, coupon UPC): present, not too long, no control characters. */
    public static String key(Row row, String column) throws RowRejected {
        String raw = required(row, column);
        try {
            return CustomerId.of(raw).value();
        } catch (IllegalArgumentException e) {
            throw new RowRejected(RejectReason.BAD_ID, column + ": " + e.getMessage().replace("customer id", "id"));
        }
    }

    /** A key that must be present (an id, a relation name). */
    public static String required(Row row, String column) throws RowRejected {
        String v = row.get(column);
        if (v.isEmpty()) {
            throw new RowRejected(RejectReason.MISSING_ID, column + " is empty");
        }
        return v;
    }

    /** A display name; missing is allowed (the record is kept without one) and counted. */
    public static String name(Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            row.fix(Fix.NAME_MISSING);
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

    /** A quantity, play count or weight: positive; a missing one reads as 1, since the row records one event. */
    public static double quantity(Row row, String column) throws RowRejected {
        if (row.has(column) && row.isBlank(column)) {
            row.fix(Fix.QUANTITY_DEFAULTED);
            return 1.0;
        }
        return positive(row, column);
    }

    /** A rating on the scale; a missing one rejects the row, since a rating row without a rating says nothing. */
    public static double rating(Row row, String column, RatingScale scale) throws RowRejected {
        if (row.isBlank(column)) {
            throw new RowRejected(RejectReason.MISSING_VALUE, column + " is empty");
        }
        double v = number(row, column);
        if (!scale.allows(v)) {
            throw new RowRejected(RejectReason.IMPOSSIBLE_RATING, column + " " + row.get(column) + " is not on the "
                    + scale + " scale");
        }
        return v;
    }

    /** Money; {@code null} when missing (the row is kept without it); negative money is an anomaly. */
    public static Double money(Row row, String column) throws RowRejected {
        if (!row.has(column)) {
            return null;
        }
        if (row.isBlank(column)) {
            row.fix(Fix.MONEY_MISSING);
            return null;
        }
        double v = number(row, column);
        if (v < 0) {
            throw new RowRejected(RejectReason.NEGATIVE_AMOUNT, column + " is " + row.get(column));
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
     * Epoch seconds from any format {@link Dates} accepts; {@code null} when the field is empty or absent (the row
     * is kept without a time).
     */
    public Long timestamp(Row row, String column) throws RowRejected {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            if (row.has(column)) {
                row.fix(Fix.TIME_MISSING);
            }
            return null;
        }
        long seconds;
        try {
            Dates.Parsed parsed = dates.parse(raw);
            if (parsed.converted()) {
                row.fix(Fix.DATE_CONVERTED);
            }
            seconds = parsed.epochSeconds();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new RowRejected(RejectReason.BAD_TIMESTAMP, column + " '" + raw + "' is not a date or time"
                    + (e.getMessage() != null && e.getMessage().startsWith("ambiguous") ? ": " + e.getMessage() : ""));
        }
        if (seconds < 0 || seconds > now + FUTURE_SLACK_SECONDS) {
            throw new RowRejected(RejectReason.TIMESTAMP_OUT_OF_RANGE, column + " '" + raw + "' is "
                    + Instant.ofEpochSecond(seconds));
        }
        return seconds;
    }

    /** A time that must be present. */
    public long requiredTimestamp(Row row, String column) throws RowRejected {
        if (row.isBlank(column)) {
            throw new RowRejected(RejectReason.MISSING_VALUE, column + " is empty");
        }
        return timestamp(row, column);
    }

    /**
     * A calendar day that must be present, in any format {@link Dates} accepts. Unlike event times it may be before
     * 1970 (a film's release, a campaign's start).
     */
    public LocalDate date(Row row, String column) throws RowRejected {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            throw new RowRejected(RejectReason.MISSING_VALUE, column + " is empty");
        }
        try {
            Dates.Parsed parsed = dates.parse(raw);
            if (parsed.converted()) {
                row.fix(Fix.DATE_CONVERTED);
            }
            return Instant.ofEpochSecond(parsed.epochSeconds()).atZone(dates.zone()).toLocalDate();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new RowRejected(RejectReason.BAD_TIMESTAMP, column + " '" + raw + "' is not a date");
        }
    }
}
