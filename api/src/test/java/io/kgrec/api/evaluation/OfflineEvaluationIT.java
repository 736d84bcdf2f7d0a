package io.kgrec.api.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.cypher.testing.BenchmarkData;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline protocol end to end on real data, the first 60 customers of MovieLens-100k's canonical split: it loads,
 * trains, writes a full list for every test customer, and checks every shown path against the graph on as many
 * sessions as it recommended with, none of them failing.
 */
@Tag("full")
class OfflineEvaluationIT {
    private static final int CUSTOMERS = 60;

    @TempDir
    Path temp;

    @Test
    void evaluates_a_real_dataset_and_finds_every_shown_path_in_the_graph() throws IOException {
        Path dataset = firstCustomers(BenchmarkData.dataset("ml-100k"), temp.resolve("ml-100k-60"));
        Path recs = temp.resolve("out").resolve("recs.tsv");
        OfflineEvaluation.Options options = new OfflineEvaluation.Options(dataset, "train", "test", 10, 42,
                InteractionType.RATED, recs, temp.resolve("quarantine.tsv"), true, 2);
        GraphSettings settings = GraphSettings.from(name -> null).withDataDir(temp.resolve("neo4j")).withBoltPort(0);

        OfflineEvaluation.Result result;
        try (GraphConnection graph = GraphConnection.open(settings)) {
            result = new OfflineEvaluation(graph).run(options);
        }

        ExplanationReport explanation = result.explanation();
        assertThat(Files.readAllLines(recs)).hasSize(1 + CUSTOMERS * 10);
        assertThat(result.accuracy().trainOverlap()).isZero();
        assertThat(explanation.itemsWithPath()).isEqualTo(1.0);
        assertThat(explanation.pathsVerified())
                .isEqualTo(Math.round(explanation.items() * explanation.meanPathsPerItem()))
                .isGreaterThanOrEqualTo(CUSTOMERS * 10L);
        assertThat(explanation.pathsFailed()).isZero();
        assertThat(result.verifySeconds()).isPositive();
    }

    /** The dataset's catalogue and knowledge graph with the splits of its first customers only. */
    private static Path firstCustomers(Path source, Path target) throws IOException {
        Files.createDirectories(target.resolve("split"));
        for (String file : List.of("items.tsv", "triples.tsv")) {
            Files.copy(source.resolve(file), target.resolve(file));
        }
        for (String split : List.of("train", "test", "valid_train", "valid")) {
            List<String> lines = Files.readAllLines(source.resolve("split").resolve(split + ".tsv"));
            List<String> kept = lines.stream().skip(1)
                    .filter(line -> Integer.parseInt(line.substring(0, line.indexOf('\t'))) <= CUSTOMERS).toList();
            Files.write(target.resolve("split").resolve(split + ".tsv"),
                    Stream.concat(lines.stream().limit(1), kept.stream()).toList());
        }
        return target;
    }
}
