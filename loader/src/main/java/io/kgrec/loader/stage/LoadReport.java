package io.kgrec.loader.stage;

import io.kgrec.loader.LoadException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The accounting of one load: a {@link FileAccount} per source file, in the order they were read. */
public final class LoadReport {
    private final Map<Path, FileAccount> accounts = new LinkedHashMap<>();

    private final Map<String, Path> keys = new LinkedHashMap<>();

    public FileAccount account(Path file) {
        return accounts.computeIfAbsent(file, FileAccount::new);
    }

    /**
     * The account of a file that is recorded in the graph under a source key.
     *
     * @throws LoadException if another file of this load has the same key: their contributions
     *                                       could not be told apart
     */
    public FileAccount account(Path file, String sourceKey) {
        Path other = keys.putIfAbsent(sourceKey, file);
        if (other != null && !other.equals(file)) {
            throw new LoadException(file + ": has the same source key '" + sourceKey + "' as " + other
                    + "; load them separately or rename one");
        }
        FileAccount account = account(file);
        account.sourceKey(sourceKey);
        return account;
    }

    public List<FileAccount> accounts() {
        return new ArrayList<>(accounts.values());
    }

    public long totalRead() {
        return accounts.values().stream().mapToLong(FileAccount::readCount).sum();
    }

    public long totalLoaded() {
        return accounts.values().stream().mapToLong(FileAccount::loadedCount).sum();
    }

    public long totalMerged() {
        return accounts.values().stream().mapToLong(FileAccount::mergedCount).sum();
    }

    public long totalQuarantined() {
        return accounts.values().stream().mapToLong(FileAccount::quarantinedCount).sum();
    }

    /**
     * @throws IllegalStateException naming the file whose rows do not add up; that would be a loader bug
     */
    public void checkBalanced() {
        for (FileAccount a : accounts.values()) {
            if (!a.balances()) {
                throw new IllegalStateException(a.file() + ": read " + a.readCount() + " rows but loaded "
                        + a.loadedCount() + " + merged " + a.mergedCount() + " + quarantined "
                        + a.quarantinedCount() + " do not add up");
            }
        }
    }

    public void print(PrintStream out) {
        out.printf("%-52s %10s %10s %10s %12s%n", "file", "read", "loaded", "merged", "quarantined");
        for (FileAccount a : accounts.values()) {
            out.printf("%-52s %,10d %,10d %,10d %,12d%n", shorten(a.file()), a.readCount(), a.loadedCount(),
                    a.mergedCount(), a.quarantinedCount());
            a.quarantinedByReason().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.printf("    quarantined %-24s %,10d  %s%n", e.getKey(), e.getValue(),
                            e.getKey().description()));
            a.fixes().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.printf("    cleaned     %-24s %,10d  %s%n", e.getKey(), e.getValue(),
                            e.getKey().description()));
        }
    }

    /** The check that nothing was lost, as one line: read = loaded + merged + quarantined. */
    public String balanceLine() {
        long read = totalRead();
        long sum = totalLoaded() + totalMerged() + totalQuarantined();
        return String.format("rows read %,d = loaded %,d + merged %,d + quarantined %,d%s", read, totalLoaded(),
                totalMerged(), totalQuarantined(), read == sum ? "" : "  (DOES NOT ADD UP)");
    }

    private static String shorten(Path file) {
        String s = file.toString();
        return s.length() <= 52 ? s : "…" + s.substring(s.length() - 51);
    }
}
