package io.kgrec.api.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.BenchmarkData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's metrics and the team's reference evaluator (shared/eval/evaluate.py) give the same figures for the
 * same recs.tsv on real data. The file mixes what a recommender gets right and wrong: popular items, random ones,
 * training items, duplicates, unknown items and customers left out.
 */
@Tag("full")
class ReferenceEvaluatorAgreementTest {
    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void agrees_with_evaluate_py_on_ml_100k() throws Exception {
        Path dataset = BenchmarkData.dataset("ml-100k");
        HeldOut relevance = HeldOut.read(dataset, "train", "test");
        List<String> byPopularity = new ArrayList<>(relevance.catalog());
        Map<String, Integer> pop = relevance.popularity();
        byPopularity.sort(Comparator.comparing((String i) -> -pop.getOrDefault(i, 0)).thenComparing(i -> i));
        Random random = new Random(7);
        Map<String, List<String>> recs = new TreeMap<>();
        for (String customer : relevance.customers()) {
            if (random.nextInt(20) == 0) {
                continue;
            }
            List<String> list = new ArrayList<>(byPopularity.subList(0, 6));
            for (int n = 0; n < 6; n++) {
                list.add(relevance.catalog().get(random.nextInt(relevance.catalog().size())));
            }
            list.add(list.get(0));
            if (random.nextInt(10) == 0) {
                list.add(2, "not-an-item");
            }
            recs.put(customer, list);
        }
        Path file = temp.resolve("recs.tsv");
        StringBuilder tsv = new StringBuilder("customer_id\titem_id\trank\tscore\n");
        recs.forEach((c, list) -> {
            for (int r = 0; r < list.size(); r++) {
                tsv.append(c).append('\t').append(list.get(r)).append('\t').append(r + 1).append("\t0.5\n");
            }
        });
        Files.writeString(file, tsv, StandardCharsets.UTF_8);

        for (int k : new int[] {5, 10}) {
            AccuracyReport ours = AccuracyMetrics.evaluate(recs, relevance, k);
            Map<String, Object> theirs = reference(dataset, file, k);
            assertThat(ours.customers()).isEqualTo(((Number) theirs.get("customers")).intValue());
            assertThat(ours.precision()).isCloseTo(number(theirs, "precision"), within(1e-12));
            assertThat(ours.recall()).isCloseTo(number(theirs, "recall"), within(1e-12));
            assertThat(ours.ndcg()).isCloseTo(number(theirs, "ndcg"), within(1e-12));
            assertThat(ours.hitRate()).isCloseTo(number(theirs, "hit_rate"), within(1e-12));
            assertThat(ours.mrr()).isCloseTo(number(theirs, "mrr"), within(1e-12));
            assertThat(ours.coverage()).isCloseTo(number(theirs, "coverage"), within(1e-12));
            assertThat(ours.gini()).isCloseTo(number(theirs, "gini"), within(1e-12));
            assertThat(ours.averagePopularity()).isCloseTo(number(theirs, "avg_popularity"), within(1e-9));
            assertThat(ours.trainOverlap()).isCloseTo(number(theirs, "train_overlap"), within(1e-12));
            assertThat(ours.customersWithoutRecommendations())
                    .isEqualTo(((Number) theirs.get("customers_without_recs")).intValue());
            assertThat(ours.unknownItems()).isEqualTo(((Number) theirs.get("unknown_items")).intValue()).isPositive();
        }
    }

    private static double number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference(Path dataset, Path recs, int k) throws IOException,
            InterruptedException {
        Path script = dataset.getParent().getParent().resolve("evaluate.py");
        Process p = new ProcessBuilder("python3", script.toString(), dataset.toString(), recs.toString(), "--k",
                Integer.toString(k)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return JsonMapper.builder().build().readValue(out, Map.class);
    }
}
