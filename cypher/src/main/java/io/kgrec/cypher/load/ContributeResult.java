package io.kgrec.cypher.load;

import java.util.List;
import org.neo4j.procedure.Description;

/** What {@code kgrec.load.contribute} did with one batch of rows. */
public record ContributeResult(
        @Description("rows received") long rows,
        @Description("rows applied: the file's entry put on, replaced or taken off (rows minus missing)") long written,
        @Description("interaction relationships created") long created,
        @Description("interaction relationships deleted because no contribution was left") long deleted,
        @Description("rows skipped because their customer or item does not exist") long missing,
        @Description("up to 10 of the missing ends, as \"customer <id>\" or \"item <id>\"") List<String> missingExamples) {
}
