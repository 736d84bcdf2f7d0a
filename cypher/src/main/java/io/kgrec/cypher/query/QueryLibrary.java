package io.kgrec.cypher.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysts' query library as shipped in this jar: the files {@code cypher/library.txt} lists, with their headers
 * read and checked. The index file exists because a jar cannot be listed reliably, and because other
 * {@code .cypher} files under {@code cypher/} (procedures' own queries) are not part of the library.
 */
public final class QueryLibrary {
    static final String INDEX = "cypher/library.txt";

    private final Map<String, LibraryQuery> queries;

    private QueryLibrary(Map<String, LibraryQuery> queries) {
        this.queries = queries;
    }

    /**
     * @throws IllegalStateException when a listed file is missing, its header is malformed, or two files share a name
     */
    public static QueryLibrary load() {
        Map<String, LibraryQuery> queries = new LinkedHashMap<>();
        for (String line : read(INDEX).lines().toList()) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String resource = "cypher/" + entry;
            LibraryQuery query = QueryHeader.parse(resource, read(resource));
            if (queries.put(query.name(), query) != null) {
                throw new IllegalStateException(INDEX + " lists two queries named " + query.name());
            }
        }
        return new QueryLibrary(queries);
    }

    /** In the order of the index. */
    public List<LibraryQuery> all() {
        return new ArrayList<>(queries.values());
    }

    public Optional<LibraryQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    /** @throws IllegalArgumentException listing the known names when there is no such query */
    public LibraryQuery get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no query named " + name
                + "; the library has " + String.join(", ", queries.keySet())));
    }

    private static String read(String resource) {
        try (InputStream in = QueryLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
