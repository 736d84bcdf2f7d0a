package io.kgrec.loader.source;

import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.stage.Quarantine;
import io.kgrec.loader.stage.SourceKey;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * What every source needs while reading: the accounting, the quarantine, the field parsers, the dataset folder
 * its files' keys are named after, and the encoding the user stated for the files, if any.
 */
public record LoadContext(LoadReport report, Quarantine quarantine, Fields fields, Path datasetFolder,
        Charset encoding) {
    public LoadContext(LoadReport report, Quarantine quarantine, Fields fields) {
        this(report, quarantine, fields, null, null);
    }

    /** The same context for a source whose files are in (or named after) this folder. */
    public LoadContext inFolder(Path folder) {
        return new LoadContext(report, quarantine, fields, folder, encoding);
    }

    public LoadContext withFields(Fields other) {
        return new LoadContext(report, quarantine, other, datasetFolder, encoding);
    }

    /** @param charset the encoding of files that do not state their own, or {@code null} for the format's default */
    public LoadContext withEncoding(Charset charset) {
        return new LoadContext(report, quarantine, fields, datasetFolder, charset);
    }

    /** The key a file is recorded under in the graph ({@link SourceKey}). */
    public String sourceKey(Path file) {
        return SourceKey.of(datasetFolder == null ? file.toAbsolutePath().getParent() : datasetFolder, file);
    }
}
