package io.kgrec.cypher.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds a benchmark dataset folder for tests on real data: {@code -Dkgrec.eval.data=<dir>}, the KGREC_EVAL_DATA
 * variable, or the team's shared/eval/data beside the checkout. A missing folder fails the test rather than
 * skipping it, so a green build always means the real-data tests ran.
 */
public final class BenchmarkData {
    private BenchmarkData() {
    }

    public static Path dataset(String name) {
        return Stream.of(System.getProperty("kgrec.eval.data"), System.getenv("KGREC_EVAL_DATA"),
                        "../../shared/eval/data", "../shared/eval/data")
                .filter(s -> s != null && !s.isBlank())
                .map(s -> Path.of(s).resolve(name))
                .filter(p -> Files.isRegularFile(p.resolve("split").resolve("train.tsv")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("benchmark dataset " + name + " not found beside "
                        + Path.of("").toAbsolutePath() + "; set -Dkgrec.eval.data or KGREC_EVAL_DATA"));
    }
}
