package io.kgrec.loader.stage;

import java.nio.file.Path;

/**
 * The stable name of a source file in the graph: the dataset folder's name and the file's path inside it, e.g.
 * {@code completejourney/transactions_sample.csv.gz} or {@code ml-100k/split/train.tsv}. Interaction contributions
 * are recorded under it, so a file keeps its identity when the dataset folder moves, and files of the same name in
 * different dataset folders stay apart.
 */
public final class SourceKey {
    private SourceKey() {
    }

    /**
     * @param datasetFolder the folder the source was given
     * @param file          a file of the source; outside the folder, its parent folder's name stands in
     */
    public static String of(Path datasetFolder, Path file) {
        Path root = datasetFolder.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || root.getFileName() == null) {
            root = absolute.getParent();
        }
        if (root == null || root.getFileName() == null) {
            return absolute.getFileName().toString();
        }
        return (root.getFileName() + "/" + root.relativize(absolute)).replace('\\', '/');
    }
}
