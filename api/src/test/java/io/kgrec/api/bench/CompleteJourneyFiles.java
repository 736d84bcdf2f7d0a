package io.kgrec.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The full Complete Journey folder in the team's shared datasets, and plain reads of its gzipped CSV files. */
final class CompleteJourneyFiles {
    private CompleteJourneyFiles() {
    }

    static Path folder() {
        return Stream.of(System.getenv("KGREC_SHARED"), "../shared", "../../shared")
                .filter(s -> s != null && !s.isBlank())
                .map(s -> Path.of(s).resolve("datasets/completejourney"))
                .filter(p -> Files.isRegularFile(p.resolve("coupon_redemptions.csv.gz")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("datasets/completejourney not found beside "
                        + Path.of("").toAbsolutePath() + "; set KGREC_SHARED"));
    }

    /** Rows of a gzipped CSV without quoted commas (true of these files), header first. */
    static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    /**
     * A copy of the folder for the loader: without the held-out redemptions, and with the catalogue cut to the
     * products someone bought in the transactions (20,897 of 92,331), as the bundled demo data is. A product nobody
     * bought adds nothing to any audience score (no path reaches it, no one can repeat it, its popularity is 0), but
     * training on all 92k products ran out of a 4 GiB heap. Coupon rows for the cut products are quarantined.
     */
    static Path withoutRedemptions(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : List.of("campaign_descriptions.csv.gz", "campaigns.csv.gz", "coupons.csv.gz",
                "demographics.csv.gz", "transactions_sample.csv.gz")) {
            Files.copy(source.resolve(name), target.resolve(name));
        }
        java.util.Set<String> bought = new java.util.HashSet<>();
        List<String[]> transactions = rows(source.resolve("transactions_sample.csv.gz"));
        for (String[] r : transactions.subList(1, transactions.size())) {
            bought.add(r[3]);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(source.resolve("products.csv.gz"))), StandardCharsets.UTF_8));
             java.io.Writer out = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                     Files.newOutputStream(target.resolve("products.csv.gz"))), StandardCharsets.UTF_8)) {
            String line = in.readLine();
            out.write(line + "\n");
            while ((line = in.readLine()) != null) {
                if (bought.contains(line.substring(0, line.indexOf(',')))) {
                    out.write(line + "\n");
                }
            }
        }
        return target;
    }
}
