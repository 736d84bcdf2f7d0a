package io.kgrec.cypher.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds a benchmark dataset folder for tests on real data: {@code -Dkgrec.eval.data=<dir>}, the KGREC_EVAL_DATA
 * variable, or the team's shared/eval/data beside the checkout. Only tests tagged {@code full} (the {@code -Pfull}
 * profile) use it. A missing folder fails the test rather than skipping it, in CI and elsewhere, so a green build
 * always means the real-data tests ran.
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
                        + Path.of("").toAbsolutePath() + ": the tests of the full profile (-Pfull) need the team's "
                        + "shared/eval/data/" + name + "/split/train.tsv beside the checkout, or -Dkgrec.eval.data / "
                        + "KGREC_EVAL_DATA naming the folder that holds " + name));
    }
}
