package io.kgrec.model.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One versioned schema migration: a {@code .cypher} file of statements separated by {@code ;} at the end of a line.
 * Every statement must be idempotent ({@code IF NOT EXISTS}), so re-applying a migration is harmless.
 *
 * @param version     the number from the file name, {@code V002__...} → 2
 * @param description the rest of the file name, for people
 * @param statements  the Cypher statements, without comments or trailing {@code ;}
 * @param checksum    SHA-256 of the file text; a released migration must never change
 */
public record Migration(int version, String description, List<String> statements, String checksum) {
    public Migration {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        Objects.requireNonNull(checksum, "checksum");
    }

    /**
     * @param fileName e.g. {@code V001__uniqueness_constraints.cypher}
     * @param text     the file content
     */
    public static Migration parse(String fileName, String text) {
        if (!fileName.matches("V\\d{3}__[a-z0-9_]+\\.cypher")) {
            throw new IllegalArgumentException("migration file name '" + fileName
                    + "' is not of the form V<3 digits>__<snake_case>.cypher");
        }
        int version = Integer.parseInt(fileName.substring(1, 4));
        String description = fileName.substring(6, fileName.length() - ".cypher".length()).replace('_', ' ');
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            if (line.endsWith(";")) {
                statements.add(current.substring(0, current.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": the last statement does not end with ';'");
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no statements");
        }
        return new Migration(version, description, statements, sha256(text));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
