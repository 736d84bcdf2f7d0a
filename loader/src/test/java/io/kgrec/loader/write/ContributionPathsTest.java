package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.loader.testing.SharedData;
import io.kgrec.loader.verify.GraphChecksum;
import io.kgrec.model.schema.InteractionType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's {@code kgrec.load.contribute} and the Cypher statements it replaces write the same graph: the same
 * loads of real data (samples of the shared Complete Journey and MovieLens 100k files) through either path, one file
 * or several contributing to the same relationships, re-loads of edited files included, end in identical
 * interaction properties (same values, same types) and identical graph checksums.
 */
@Tag("full")
class ContributionPathsTest {
    private static final WriteSettings PROCEDURE = new WriteSettings(1_000, 1);
    private static final WriteSettings CYPHER = PROCEDURE.withoutProcedure();
    private static final String INTERACTIONS = """
            MATCH (c:Customer)-[r]->(i:Item)
            RETURN c.id + ' ' + type(r) + ' ' + i.id AS key, properties(r) AS props ORDER BY key, props.raw
            """;

    private static BoltNeo4j neo4j;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        neo4j = BoltNeo4j.start();
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void clear() {
        neo4j.clear();
    }

    /** A graph from an empty database after some loads, and whether each load used the procedure. */
    private record Outcome(List<Map<String, Object>> interactions, GraphChecksum.Fingerprint checksum,
            List<Boolean> byProcedure) {
    }

    private static Outcome run(WriteSettings settings, List<List<Source>> loads) {
        neo4j.clear();
        List<Boolean> byProcedure = new ArrayList<>();
        for (List<Source> sources : loads) {
            LoadResult r = new Loader(neo4j.driver(), neo4j.database(), settings).load(sources,
                    temp.resolve("quarantine.tsv"), ZoneOffset.UTC);
            byProcedure.add(r.written().interactionsByProcedure());
        }
        List<Map<String, Object>> interactions = neo4j.driver().executableQuery(INTERACTIONS).execute().records()
                .stream().map(r -> Map.<String, Object>of("key", r.get("key").asString(),
                        "props", r.get("props").asMap())).toList();
        return new Outcome(interactions, GraphChecksum.of(neo4j.driver(), neo4j.database()), byProcedure);
    }

    @Test
    void a_complete_journey_sample_with_money_and_times_loads_the_same_through_both_paths() throws IOException {
        Path folder = completeJourneySample(4_000);
        List<List<Source>> loads = List.of(List.of(new CompleteJourneySource(folder)));

        Outcome procedure = run(PROCEDURE, loads);
        Outcome cypher = run(CYPHER, loads);

        assertThat(procedure.byProcedure()).containsOnly(true);
        assertThat(cypher.byProcedure()).containsOnly(false);
        assertThat(procedure.interactions()).hasSizeGreaterThan(3_000);
        assertThat(procedure.interactions()).isEqualTo(cypher.interactions());
        assertThat(procedure.checksum()).isEqualTo(cypher.checksum());
    }

    @Test
    void movielens_ratings_in_overlapping_files_and_an_edited_reload_give_the_same_bookkeeping() throws IOException {
        Path shop = movieLensFiles();
        Function<String, List<Source>> file = name -> List.of(
                new CanonicalSource(shop, shop.resolve(name), InteractionType.RATED));
        // two files rating many of the same pairs, then the first edited (rows dropped, ratings changed) and loaded
        // again, then both again: one entry, two entries, replaced entries, removed entries
        List<List<Source>> loads = List.of(file.apply("first.tsv"), file.apply("second.tsv"),
                file.apply("first-edited.tsv"), file.apply("second.tsv"));

        Outcome procedure = run(PROCEDURE, loads);
        Outcome cypher = run(CYPHER, loads);

        assertThat(procedure.byProcedure()).containsOnly(true);
        assertThat(cypher.byProcedure()).containsOnly(false);
        assertThat(procedure.interactions()).filteredOn(m -> ((Map<?, ?>) m.get("props")).containsKey("sourceRaw"))
                .as("relationships with two entries").hasSizeGreaterThan(500);
        assertThat(procedure.interactions()).isEqualTo(cypher.interactions());
        assertThat(procedure.checksum()).isEqualTo(cypher.checksum());
    }

    @Test
    void either_path_continues_what_the_other_wrote() throws IOException {
        Path shop = movieLensFiles();
        Function<String, List<Source>> file = name -> List.of(
                new CanonicalSource(shop, shop.resolve(name), InteractionType.RATED));
        Outcome reference = run(PROCEDURE, List.of(file.apply("first.tsv"), file.apply("second.tsv"),
                file.apply("first-edited.tsv")));

        neo4j.clear();
        for (var step : List.of(Map.entry(CYPHER, "first.tsv"), Map.entry(PROCEDURE, "second.tsv"),
                Map.entry(CYPHER, "first-edited.tsv"))) {
            new Loader(neo4j.driver(), neo4j.database(), step.getKey()).load(file.apply(step.getValue()),
                    temp.resolve("quarantine.tsv"), ZoneOffset.UTC);
        }

        assertThat(GraphChecksum.of(neo4j.driver(), neo4j.database())).isEqualTo(reference.checksum());
    }

    /** The first rows of the shared transactions, the products they name, and the demographics. */
    private static Path completeJourneySample(int transactions) throws IOException {
        Path shared = SharedData.path("datasets/completejourney");
        Path folder = Files.createDirectories(temp.resolve("cj-" + transactions));
        List<String> lines = gzipLines(shared.resolve("transactions_sample.csv.gz"), transactions + 1);
        Set<String> products = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            products.add(line.split(",")[3]);
        }
        writeGzip(folder.resolve("transactions_sample.csv.gz"), lines);
        List<String> catalogue = new ArrayList<>();
        for (String line : gzipLines(shared.resolve("products.csv.gz"), Integer.MAX_VALUE)) {
            if (catalogue.isEmpty() || products.contains(line.substring(0, line.indexOf(',')))) {
                catalogue.add(line);
            }
        }
        writeGzip(folder.resolve("products.csv.gz"), catalogue);
        Files.copy(shared.resolve("demographics.csv.gz"), folder.resolve("demographics.csv.gz"));
        return folder;
    }

    /**
     * Canonical TSV files from the first 6,000 MovieLens 100k ratings: {@code first} rows 0–3,999, {@code second}
     * rows 2,000–5,999 with the rating and time of every third row changed (so both files rate 2,000 pairs), and
     * {@code first-edited} every other row of {@code first}, every fifth rating one star lower.
     */
    private static Path movieLensFiles() throws IOException {
        Path shop = temp.resolve("ml");
        if (Files.isDirectory(shop)) {
            return shop;
        }
        Files.createDirectories(shop);
        List<String[]> ratings = new ArrayList<>();
        try (var lines = Files.lines(SharedData.path("datasets/ml-100k/u.data"), StandardCharsets.ISO_8859_1)) {
            lines.limit(6_000).forEach(l -> ratings.add(l.split("\t")));
        }
        String header = "customer_id\titem_id\tweight\ttimestamp";
        List<String> first = new ArrayList<>(List.of(header));
        List<String> second = new ArrayList<>(List.of(header));
        List<String> edited = new ArrayList<>(List.of(header));
        for (int k = 0; k < ratings.size(); k++) {
            String[] r = ratings.get(k);
            int stars = Integer.parseInt(r[2]);
            long time = Long.parseLong(r[3]);
            if (k < 4_000) {
                first.add(line(r, stars, time));
                if (k % 2 == 0) {
                    edited.add(line(r, k % 5 == 0 ? Math.max(1, stars - 1) : stars, time));
                }
            }
            if (k >= 2_000) {
                second.add(k % 3 == 0 ? line(r, 6 - stars, time + 86_400) : line(r, stars, time));
            }
        }
        Files.write(shop.resolve("first.tsv"), first);
        Files.write(shop.resolve("second.tsv"), second);
        Files.write(shop.resolve("first-edited.tsv"), edited);
        return shop;
    }

    private static String line(String[] rating, int stars, long time) {
        return "u" + rating[0] + "\tm" + rating[1] + "\t" + stars + "\t" + time;
    }

    private static List<String> gzipLines(Path file, int limit) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return reader.lines().limit(limit).toList();
        }
    }

    private static void writeGzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
