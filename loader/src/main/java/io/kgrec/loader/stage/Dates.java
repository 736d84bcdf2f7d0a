package io.kgrec.loader.stage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the date and time formats found in exports into epoch seconds, so every source's times are one unit.
 * Accepted without configuration: epoch seconds, epoch milliseconds (13 digits), ISO dates and date-times (with
 * {@code T} or a space, optional fraction, optional offset or {@code Z}), {@code yyyy/MM/dd[ HH:mm[:ss]]} and
 * {@code d-MMM-yyyy} / {@code d MMM yyyy} with English month names ({@code 01-Jan-1995}). Day/month orders such as
 * {@code 03/04/2017} are ambiguous and rejected unless the source states its pattern. Local times are in the
 * source's zone.
 */
final class Dates {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,11}");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");
    private static final Pattern ISO_OFFSET = Pattern.compile(".*([Zz]|[+-]\\d{2}:?\\d{2})$");
    private static final Pattern AMBIGUOUS = Pattern.compile("\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}.*");
    private static final List<DateTimeFormatter> OTHER_FORMATS = List.of(
            formatter("yyyy/MM/dd[ HH:mm[:ss]]"),
            formatter("d-MMM-yyyy[ HH:mm[:ss]]"),
            formatter("d MMM yyyy[ HH:mm[:ss]]"));

    /** Epoch seconds, and whether the text was in a format other than epoch or ISO. */
    record Parsed(long epochSeconds, boolean converted) {
    }

    private final ZoneId zone;
    private final DateTimeFormatter stated;

    Dates(ZoneId zone, DateTimeFormatter stated) {
        this.zone = zone;
        this.stated = stated;
    }

    Dates withZone(ZoneId other) {
        return new Dates(other, stated);
    }

    Dates withPattern(String pattern) {
        return new Dates(zone, formatter(pattern));
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * @throws DateTimeParseException if the text is in no accepted format (the message starts with "ambiguous" for
     *                                an unstated day/month order)
     */
    Parsed parse(String raw) {
        if (stated != null) {
            try {
                return new Parsed(toEpoch(stated.parse(raw)), true);
            } catch (DateTimeParseException e) {
                // fall through: epoch and ISO stay accepted beside a stated format
            }
        }
        if (EPOCH_SECONDS.matcher(raw).matches()) {
            return new Parsed(Long.parseLong(raw), false);
        }
        if (EPOCH_MILLIS.matcher(raw).matches()) {
            return new Parsed(Long.parseLong(raw) / 1000, true);
        }
        String iso = raw.replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return new Parsed(LocalDate.parse(iso).atStartOfDay(zone).toEpochSecond(), false);
            }
            if (ISO_OFFSET.matcher(iso).matches()) {
                return new Parsed(OffsetDateTime.parse(iso.replace('z', 'Z')).toEpochSecond(), false);
            }
            return new Parsed(LocalDateTime.parse(iso).atZone(zone).toEpochSecond(), false);
        } catch (DateTimeParseException notIso) {
            for (DateTimeFormatter f : OTHER_FORMATS) {
                try {
                    return new Parsed(toEpoch(f.parse(raw)), true);
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            if (AMBIGUOUS.matcher(raw).matches()) {
                throw new DateTimeParseException("ambiguous day/month order; state the date format", raw, 0);
            }
            throw notIso;
        }
    }

    private long toEpoch(TemporalAccessor t) {
        LocalDate date = LocalDate.from(t);
        if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
            return date.atStartOfDay(zone).toEpochSecond();
        }
        LocalDateTime local = LocalDateTime.from(t);
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(t).toEpochSecond();
        }
        return local.atZone(zone).toEpochSecond();
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
