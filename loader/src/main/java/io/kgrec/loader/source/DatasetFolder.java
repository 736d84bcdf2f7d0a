package io.kgrec.loader.source;

import io.kgrec.loader.LoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A source's folder, and the files in it that may come plain or gzip-compressed. */
public record DatasetFolder(Path path) {
    /**
     * @throws LoadException if the folder does not exist
     */
    public static DatasetFolder of(Path path) {
        if (!Files.isDirectory(path)) {
            throw new LoadException(path + ": the dataset folder does not exist");
        }
        return new DatasetFolder(path);
    }

    /** The first of the names that exists, also with {@code .gz} appended. */
    public Optional<Path> optional(String... names) {
        for (String name : names) {
            for (String candidate : List.of(name, name + ".gz")) {
                Path p = path.resolve(candidate);
                if (Files.exists(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @throws LoadException naming the folder and the file when none of the names exists
     */
    public Path required(String... names) {
        return optional(names).orElseThrow(() -> new LoadException(path + ": " + String.join(" or ", names)
                + " (optionally .gz) does not exist"));
    }
}
