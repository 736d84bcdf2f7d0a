package io.kgrec.cypher.risk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads a canonical split (shared/eval/FORMAT.md) with its timestamps, which the test graph builder leaves out. */
public final class CanonicalRows {
    private CanonicalRows() {
    }

    public static List<Interaction> read(Path dataset, String split) {
        try {
            return Files.readAllLines(dataset.resolve("split").resolve(split + ".tsv")).stream().skip(1)
                    .filter(l -> !l.isEmpty()).map(l -> l.split("\t", -1))
                    .map(r -> new Interaction(r[0], r[1], Double.parseDouble(r[2]), time(r.length > 3 ? r[3] : "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch seconds, or ISO local time (read as UTC: only differences matter here), or −1. */
    static long time(String raw) {
        if (raw.isEmpty()) {
            return -1;
        }
        if (raw.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(raw);
        }
        return LocalDateTime.parse(raw).toEpochSecond(ZoneOffset.UTC);
    }
}
