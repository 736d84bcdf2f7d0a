package io.kgrec.api.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout's README.md and site pages are, seen from a test running in the api module. */
final class Readme {
    private Readme() {
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("src/site/markdown"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md with src/site/markdown above " + here);
    }
}
