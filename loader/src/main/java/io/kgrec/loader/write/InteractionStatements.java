package io.kgrec.loader.write;

/**
 * The statements that keep interaction relationships as the sum of per-file contributions (see
 * {@link io.kgrec.model.schema.InteractionProperties}).
 */
final class InteractionStatements {
    /**
     * Puts one source file's contribution on each row's relationship, or takes it off ({@code row.remove}), then
     * recomputes the totals from all contributions. The entries stay sorted by source key, so the sums are added in
     * the same order however the files were loaded, and a re-loaded file replaces its own entry instead of adding
     * one. The relationship type is static in each branch of the subquery (MERGE with a dynamic type is ten times
     * slower); {@code $type} picks the branch. A relationship left without contributions is deleted.
     *
     * <p>The per-entry arrays are stored only when there are two entries or more: with one, the totals are that
     * entry's values, and most relationships have one. The money and time arrays are stored only when some entry has
     * money or a time (-1 stands for none), so data without them (plays) does not carry arrays of -1.
     *
     * <p>Returns the number of rows whose customer and item were both found ({@code matched}).
     *
     * <p>Parameters: {@code $type}, {@code $source} (the file's key), {@code $rating} (weigh by the mean instead of
     * the sum), {@code $rows}: {@code customer, item, raw, count, spend (-1: none), timestamp (-1: none), remove}.
     */
    static final String CONTRIBUTE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customer})
            MATCH (i:Item {id: row.item})
            CALL (c, i) {
              WITH c, i WHERE $type = 'PURCHASED' MERGE (c)-[r:PURCHASED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'RATED' MERGE (c)-[r:RATED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'VIEWED' MERGE (c)-[r:VIEWED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'LISTENED' MERGE (c)-[r:LISTENED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'CLICKED' MERGE (c)-[r:CLICKED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'INTERACTED' MERGE (c)-[r:INTERACTED]->(i) RETURN r
            }
            WITH r, row, coalesce(r.sources, []) AS old
            WITH r, row, old,
                 CASE WHEN size(old) = 1 AND r.sourceRaw IS NULL THEN [r.raw]
                      ELSE coalesce(r.sourceRaw, []) END AS oldRaw,
                 CASE WHEN size(old) = 1 AND r.sourceCount IS NULL THEN [r.count]
                      ELSE coalesce(r.sourceCount, []) END AS oldCount,
                 CASE WHEN r.sourceSpend IS NOT NULL THEN r.sourceSpend
                      WHEN size(old) = 1 THEN [coalesce(r.spend, -1.0)] ELSE [x IN old | -1.0] END AS oldSpend,
                 CASE WHEN r.sourceTimestamp IS NOT NULL THEN r.sourceTimestamp
                      WHEN size(old) = 1 THEN [coalesce(r.timestamp, -1)] ELSE [x IN old | -1] END AS oldTime
            WITH r, row, old, oldRaw, oldCount, oldSpend, oldTime,
                 [k IN range(0, size(old) - 1) WHERE old[k] < $source] AS before,
                 [k IN range(0, size(old) - 1) WHERE old[k] > $source] AS after,
                 CASE WHEN row.remove THEN [] ELSE [0] END AS own
            WITH r,
                 [k IN before | old[k]] + [x IN own | $source] + [k IN after | old[k]] AS sources,
                 [k IN before | oldRaw[k]] + [x IN own | row.raw] + [k IN after | oldRaw[k]] AS raws,
                 [k IN before | oldCount[k]] + [x IN own | row.count] + [k IN after | oldCount[k]] AS counts,
                 [k IN before | oldSpend[k]] + [x IN own | row.spend] + [k IN after | oldSpend[k]] AS spends,
                 [k IN before | oldTime[k]] + [x IN own | row.timestamp] + [k IN after | oldTime[k]] AS times
            WITH r, sources, raws, counts, spends, times, size(sources) > 1 AS several,
                 reduce(s = 0.0, x IN raws | s + x) AS raw, reduce(s = 0, x IN counts | s + x) AS count
            SET r.sources = sources,
                r.sourceRaw = CASE WHEN several THEN raws END,
                r.sourceCount = CASE WHEN several THEN counts END,
                r.sourceSpend = CASE WHEN several AND any(x IN spends WHERE x >= 0) THEN spends END,
                r.sourceTimestamp = CASE WHEN several AND any(x IN times WHERE x >= 0) THEN times END,
                r.raw = raw, r.count = count,
                r.weight = CASE WHEN count = 0 THEN null WHEN $rating THEN log(1 + raw / count) ELSE log(1 + raw) END,
                r.spend = CASE WHEN any(x IN spends WHERE x >= 0)
                               THEN reduce(s = 0.0, x IN spends | s + CASE WHEN x >= 0 THEN x ELSE 0.0 END) END,
                r.timestamp = CASE WHEN any(x IN times WHERE x >= 0)
                                   THEN reduce(s = -1, x IN times | CASE WHEN x > s THEN x ELSE s END) END
            WITH r, sources
            CALL (r, sources) {
              WITH r, sources WHERE size(sources) = 0
              DELETE r
            }
            RETURN count(*) AS matched
            """;

    /**
     * The same, when no other file contributes to this type: every entry on the relationship is the file's own, so
     * the totals are the file's values, computed by the writer, and the relationship's properties are set in one go
     * ({@code row.props}: the same properties {@link #CONTRIBUTE} would compute). About twice as fast.
     */
    static final String CONTRIBUTE_ALONE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customer})
            MATCH (i:Item {id: row.item})
            CALL (c, i) {
              WITH c, i WHERE $type = 'PURCHASED' MERGE (c)-[r:PURCHASED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'RATED' MERGE (c)-[r:RATED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'VIEWED' MERGE (c)-[r:VIEWED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'LISTENED' MERGE (c)-[r:LISTENED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'CLICKED' MERGE (c)-[r:CLICKED]->(i) RETURN r
              UNION ALL
              WITH c, i WHERE $type = 'INTERACTED' MERGE (c)-[r:INTERACTED]->(i) RETURN r
            }
            SET r += row.props
            RETURN count(*) AS matched
            """;

    /** The interactions a source file contributes to, to find the ones a re-load no longer has. */
    static final String CONTRIBUTED_BY = """
            MATCH (c:Customer)-[r]->(i:Item)
            WHERE $source IN r.sources
            RETURN c.id AS customer, i.id AS item, type(r) AS type
            """;

    private InteractionStatements() {
    }
}
