package io.kgrec.loader.stage;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What became of every data row of one source file. Each row ends in exactly one bucket: loaded (it became a
 * record of its own), merged (it was folded into an earlier row with the same key) or quarantined (with a reason).
 */
public final class FileAccount {
    private final Path file;
    private long read;
    private long loaded;
    private long merged;
    private final Map<RejectReason, Long> quarantined = new EnumMap<>(RejectReason.class);

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
