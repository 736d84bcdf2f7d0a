package io.kgrec.loader.write;

import io.kgrec.loader.stage.FileAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The {@code :SourceFile} nodes: one per loaded file, with its SHA-256 and row counts, and, for files that
 * contribute interactions, the version of the contribution the graph holds and its interaction types. A contribution's version is a digest of
 * what the file contributes. Before a file's contributions are written its version is added to {@code pending};
 * when they are complete it becomes {@code contributionVersion} and {@code pending} goes. So a later load can tell
 * whether the graph may hold entries of another version of the file (after an edit, or a crash half-way) that the
 * new contribution does not overwrite, and only then pays for looking them up.
 */
final class SourceRegister {
    private static final String BEGIN = """
            MERGE (s:SourceFile {key: $key})
            WITH s, s.contributionVersion AS done, coalesce(s.pending, []) AS pending,
                 coalesce(s.interactionTypes, []) AS types
            SET s.pending = CASE WHEN $version IN pending THEN pending ELSE pending + $version END,
                s.interactionTypes = types + [t IN $types WHERE NOT t IN types]
            RETURN done, pending
            """;
    private static final String OTHERS = """
            MATCH (s:SourceFile)
            WHERE s.key <> $key AND $type IN coalesce(s.interactionTypes, [])
            RETURN count(s) > 0 AS others
            """;
    private static final String CONTRIBUTED = """
            OPTIONAL MATCH (s:SourceFile {key: $key})
            RETURN s.contributionVersion IS NOT NULL OR s.pending IS NOT NULL AS contributed
            """;
    private static final String COMPLETE = """
            MERGE (s:SourceFile {key: $key})
            SET s.sha256 = $sha256, s.rowsRead = $read, s.rowsLoaded = $loaded, s.rowsMerged = $merged,
                s.rowsQuarantined = $quarantined, s.contributionVersion = $version, s.contributions = $contributions,
                s.interactionTypes = $types
            REMOVE s.pending
            """;
    private static final String RECORD = """
            MERGE (s:SourceFile {key: $key})
            SET s.sha256 = $sha256, s.rowsRead = $read, s.rowsLoaded = $loaded, s.rowsMerged = $merged,
                s.rowsQuarantined = $quarantined
            """;

    private final Driver driver;
    private final String database;

    SourceRegister(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /**
     * Marks a contribution as being written.
     *
     * @return whether the graph may hold entries of this file that the new contribution does not replace
     */
    boolean begin(String key, String version, List<String> types) {
        try (Session session = session()) {
            Record r = session.executeWrite(tx -> tx.run(BEGIN, Map.of("key", key, "version", version,
                    "types", types)).single());
            String done = r.get("done").isNull() ? null : r.get("done").asString();
            List<String> pending = r.get("pending").asList(v -> v.asString());
            return (done != null && !done.equals(version)) || pending.stream().anyMatch(p -> !p.equals(version));
        }
    }

    /**
     * Whether another file contributes, or may have begun to contribute, interactions of this type. If none does,
     * every entry on this type's relationships is the file's own.
     */
    boolean othersContribute(String key, String type) {
        try (Session session = session()) {
            return session.executeRead(tx -> tx.run(OTHERS, Map.of("key", key, "type", type)).single()
                    .get("others").asBoolean());
        }
    }

    /** Whether the file contributed interactions in an earlier load (or began to). */
    boolean hasContributed(String key) {
        try (Session session = session()) {
            return session.executeRead(tx -> tx.run(CONTRIBUTED, Map.of("key", key)).single()
                    .get("contributed").asBoolean());
        }
    }

    /** Marks a contribution as complete and records the file. */
    void complete(String key, String version, long contributions, List<String> types, FileAccount account) {
        Map<String, Object> params = counts(key, account);
        params.put("version", version);
        params.put("contributions", contributions);
        params.put("types", types);
        try (Session session = session()) {
            session.executeWriteWithoutResult(tx -> tx.run(COMPLETE, params).consume());
        }
    }

    /** Records a file that contributes no interactions (a catalogue, attributes, facts). */
    void record(String key, FileAccount account) {
        try (Session session = session()) {
            session.executeWriteWithoutResult(tx -> tx.run(RECORD, counts(key, account)).consume());
        }
    }

    private static Map<String, Object> counts(String key, FileAccount account) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("sha256", account == null ? null : account.sha256());
        params.put("read", account == null ? 0L : account.readCount());
        params.put("loaded", account == null ? 0L : account.loadedCount());
        params.put("merged", account == null ? 0L : account.mergedCount());
        params.put("quarantined", account == null ? 0L : account.quarantinedCount());
        return params;
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }
}
