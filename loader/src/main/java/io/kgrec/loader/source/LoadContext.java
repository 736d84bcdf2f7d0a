package io.kgrec.loader.source;

import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.stage.Quarantine;

/**
 * What every source needs while reading: the accounting, the quarantine and the field parsers.
 */
public record LoadContext(LoadReport report, Quarantine quarantine, Fields fields) {
}
