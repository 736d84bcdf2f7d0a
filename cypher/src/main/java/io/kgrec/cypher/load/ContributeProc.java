package io.kgrec.cypher.load;

import io.kgrec.model.schema.InteractionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.load.contribute}: the loader's fast path for writing a file's interaction contributions. */
public class ContributeProc {
    @Context
    public Transaction tx;

    @Procedure(name = "kgrec.load.contribute", mode = Mode.WRITE)
    @Description("Puts one source file's contribution on interaction relationships of one type, or takes it off "
            + "(row.remove), keeping the per-file bookkeeping the loader keeps (sources sorted by key, sourceRaw, "
            + "sourceCount, sourceSpend, sourceTimestamp when two files or more contribute; totals raw, count, weight, "
            + "spend, timestamp over all entries; a relationship left without entries is deleted). Rows: customer, "
            + "item (ids of existing nodes), raw (number), count (integer), spend (-1 or absent: none), timestamp "
            + "(epoch seconds; -1 or absent: none), remove (default false). Rows whose customer or item does not "
            + "exist are skipped and counted as missing. onlySource: no other file contributes to this type, so the "
            + "file's entry replaces the relationship's bookkeeping without reading it. One writer per customer at "
            + "a time: concurrent calls must not share customers.")
    public Stream<ContributeResult> contribute(
            @Name("type") String type,
            @Name("source") String source,
            @Name("rows") List<Object> rows,
            @Name(value = "onlySource", defaultValue = "false") boolean onlySource) {
        if (type == null || !InteractionType.isInteraction(type)) {
            throw new IllegalArgumentException("type must be one of " + new TreeSet<>(InteractionType.relationshipTypes())
                    + ", got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be the source file's key, got "
                    + (source == null ? "nothing" : "a blank string"));
        }
        if (rows == null) {
            throw new IllegalArgumentException("rows must be a list of maps, got nothing");
        }
        List<ContributionRow> parsed = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            parsed.add(ContributionRow.of(rows.get(k), k));
        }
        InteractionType interaction = InteractionType.valueOf(type);
        return Stream.of(new ContributionWriter(tx, RelationshipType.withName(type), source, interaction.isRating(),
                onlySource).write(parsed));
    }
}
