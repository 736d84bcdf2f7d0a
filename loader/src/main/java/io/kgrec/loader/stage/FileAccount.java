package io.kgrec.loader.stage;

import io.kgrec.loader.read.Fix;
import io.kgrec.loader.read.Fixes;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What became of every data row of one source file. Each row ends in exactly one bucket: loaded (it became a
 * record of its own), merged (it was folded into an earlier row with the same key) or quarantined (with a reason).
 * Alongside, the cleaning steps applied to rows that were kept, and the file's version (SHA-256 of its bytes).
 */
public final class FileAccount {
    private final Path file;
    private long read;
    private long loaded;
    private long merged;
    private final Map<RejectReason, Long> quarantined = new EnumMap<>(RejectReason.class);
    private final Fixes fixes = new Fixes();
    private String sha256;
    private String sourceKey;

    FileAccount(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void read() {
        read++;
    }

    public void loaded() {
        loaded++;
    }

    public void merged() {
        merged++;
    }

    void quarantined(RejectReason reason) {
        quarantined.merge(reason, 1L, Long::sum);
    }

    /** The cleaning steps applied to a row that was kept (loaded or merged). */
    public void fixed(Fixes rowFixes) {
        fixes.addAll(rowFixes);
    }

    public Map<Fix, Long> fixes() {
        return fixes.snapshot();
    }

    void sourceKey(String key) {
        this.sourceKey = key;
    }

    /** The key the file is recorded under in the graph, or {@code null} if it was never read. */
    public String sourceKey() {
        return sourceKey;
    }

    /** Records the file's version once it has been read to the end. */
    public void readCompletely(String fileSha256) {
        this.sha256 = fileSha256;
    }

    /** SHA-256 of the file's bytes, or {@code null} before it was read to the end. */
    public String sha256() {
        return sha256;
    }

    /**
     * A row that was counted as loaded turned out to duplicate another record (e.g. two rows of the same
     * customer–item pair); move it to merged.
     */
    public void loadedBecameMerged() {
        loaded--;
        merged++;
    }

    public long readCount() {
        return read;
    }

    public long loadedCount() {
        return loaded;
    }

    public long mergedCount() {
        return merged;
    }

    public long quarantinedCount() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<RejectReason, Long> quarantinedByReason() {
        return Map.copyOf(quarantined);
    }

    /** read = loaded + merged + quarantined: nothing is lost. */
    public boolean balances() {
        return read == loaded + merged + quarantinedCount();
    }
}
