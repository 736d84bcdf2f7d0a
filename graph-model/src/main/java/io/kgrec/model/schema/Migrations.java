package io.kgrec.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The schema migrations shipped with this version of kgrec, in the order they must be applied. */
public final class Migrations {
    private static final String FOLDER = "/io/kgrec/model/migrations/";

    private Migrations() {
    }

    public static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        int previous = 0;
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Migration m = Migration.parse(name, read(name));
            if (m.version() != previous + 1) {
                throw new IllegalStateException("migration " + name + " follows version " + previous
                        + "; versions must be consecutive");
            }
            previous = m.version();
            migrations.add(m);
        }
        return List.copyOf(migrations);
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("migration resource " + FOLDER + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
