package io.kgrec.loader.source.mapping;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.source.mapping.Mapping.FileMapping;
import io.kgrec.loader.source.mapping.Mapping.Interactions;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.model.schema.InteractionType;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/** The checks a mapping must pass before any file is read, each failing with the mapping file and the key. */
final class MappingRules {
    private MappingRules() {
    }

    static void check(Path file, Mapping m) {
        require(file, m.files() != null && !m.files().isEmpty(), "files", "lists no files");
        attempt(file, "timezone", () -> {
            if (m.timezone() != null) {
                ZoneId.of(m.timezone());
            }
        });
        attempt(file, "dateFormat", () -> {
            if (m.dateFormat() != null) {
                DateTimeFormatter.ofPattern(m.dateFormat());
            }
        });
        for (int i = 0; i < m.files().size(); i++) {
            checkFile(file, "files[" + i + "]", m.files().get(i));
        }
    }

    private static void checkFile(Path file, String at, FileMapping f) {
        require(file, f.path() != null && !f.path().isBlank(), at + ".path", "is missing");
        long roles = Stream.of(f.items(), f.customers(), f.interactions(), f.facts()).filter(r -> r != null).count();
        require(file, roles == 1, at, "must have exactly one of items, customers, interactions, facts");
        require(file, f.separator() == null || f.separator().length() == 1, at + ".separator",
                "must be one character");
        attempt(file, at + ".encoding", () -> {
            if (f.encoding() != null) {
                Charset.forName(f.encoding());
            }
        });
        if (f.items() != null) {
            require(file, f.items().id() != null, at + ".items.id", "is missing");
            if (f.items().attributes() != null) {
                f.items().attributes().forEach(a -> require(file, a.column() != null && a.relation() != null
                        && a.type() != null, at + ".items.attributes", "each needs column, relation and type"));
            }
        }
        if (f.customers() != null) {
            require(file, f.customers().id() != null, at + ".customers.id", "is missing");
        }
        if (f.interactions() != null) {
            checkInteractions(file, at + ".interactions", f.interactions());
        }
        if (f.facts() != null) {
            require(file, f.facts().head() != null && f.facts().tail() != null, at + ".facts",
                    "needs head and tail columns");
            require(file, (f.facts().relation() == null) != (f.facts().relationName() == null), at + ".facts",
                    "needs either a relation column or a relationName");
        }
    }

    private static void checkInteractions(Path file, String at, Interactions i) {
        require(file, i.customer() != null && i.item() != null, at, "needs customer and item columns");
        InteractionType type = InteractionType.parse(i.type() == null ? "INTERACTED" : i.type()).orElseThrow(() ->
                new LoadException(file + ": " + at + ".type '" + i.type() + "' is not one of PURCHASED, RATED, "
                        + "VIEWED, LISTENED, CLICKED, INTERACTED"));
        require(file, !type.isRating() || i.rating() != null, at + ".rating", "is required for RATED");
        require(file, type.isRating() || i.rating() == null, at + ".rating", "is only for RATED; use quantity");
        attempt(file, at + ".ratingScale", () -> {
            if (i.ratingScale() != null) {
                RatingScale.parse(i.ratingScale());
            }
        });
        require(file, i.unknownItems() == null || i.unknownItems().equals("quarantine")
                || i.unknownItems().equals("create"), at + ".unknownItems", "must be quarantine or create");
        require(file, i.cancelled() == null || (i.cancelled().column() != null && i.cancelled().values() != null),
                at + ".cancelled", "needs column and values");
    }

    private static void require(Path file, boolean ok, String at, String problem) {
        if (!ok) {
            throw new LoadException(file + ": " + at + " " + problem);
        }
    }

    private static void attempt(Path file, String at, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            throw new LoadException(file + ": " + at + " is invalid: " + e.getMessage(), e);
        }
    }
}
