package io.kgrec.loader.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the team's read-only {@code shared} folder (real datasets, evaluation splits): {@code $KGREC_SHARED} if set,
 * else the nearest {@code shared} folder beside the working directory or one of its parents. Only tests tagged
 * {@code full} (the {@code -Pfull} profile) use it; a missing folder fails them, never skips them.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static Path root() {
        String env = System.getenv("KGREC_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("datasets"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/ folder with datasets/ found above " + Path.of("").toAbsolutePath()
                + ": the tests of the full profile (-Pfull) need the team's shared/datasets (ml-100k, completejourney, "
                + "kgcn-lastfm) beside the checkout, or KGREC_SHARED naming the shared folder");
    }
}
