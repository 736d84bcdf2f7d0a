package io.kgrec.loader.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * A fingerprint of a graph's content that ignores internal ids and storage order: every node is described by its
 * labels and properties, every relationship by its type, properties and its end nodes' descriptions; the sorted
 * descriptions are hashed. Two graphs with the same fingerprint hold the same data, which is how idempotent and
 * crash-safe loading is checked.
 */
public final class GraphChecksum {
    private static final String NODES = """
            MATCH (n) WHERE none(l IN labels(n) WHERE l IN $excluded)
            RETURN labels(n) AS labels, properties(n) AS props
            """;
    private static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            WHERE none(l IN labels(a) + labels(b) WHERE l IN $excluded)
            RETURN labels(a) AS aLabels, properties(a) AS a, type(r) AS type, properties(r) AS props,
                   labels(b) AS bLabels, properties(b) AS b
            """;

    private GraphChecksum() {
    }

    /** @return counts and a SHA-256 of the content */
    public static Fingerprint of(Driver driver, String database) {
        return of(driver, database, java.util.Set.of());
    }

    /**
     * The fingerprint of everything but nodes with one of the labels (and their relationships), e.g. the audit log,
     * which grows with every request served.
     */
    public static Fingerprint of(Driver driver, String database, java.util.Set<String> excludedLabels) {
        Map<String, Object> parameters = Map.of("excluded", List.copyOf(excludedLabels));
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            List<String> lines = new ArrayList<>();
            long nodes = session.executeRead(tx -> {
                var result = tx.run(NODES, parameters);
                long n = 0;
                while (result.hasNext()) {
                    var r = result.next();
                    lines.add("N" + node(r.get("labels"), r.get("props")));
                    n++;
                }
                return n;
            });
            long relationships = session.executeRead(tx -> {
                var result = tx.run(RELATIONSHIPS, parameters);
                long n = 0;
                while (result.hasNext()) {
                    var r = result.next();
                    lines.add("R" + node(r.get("aLabels"), r.get("a")) + "-[" + r.get("type").asString()
                            + canonical(r.get("props").asMap()) + "]->" + node(r.get("bLabels"), r.get("b")));
                    n++;
                }
                return n;
            });
            lines.sort(null);
            return new Fingerprint(nodes, relationships, sha256(lines));
        }
    }

    private static String node(Value labels, Value props) {
        List<String> sorted = new ArrayList<>(labels.asList(Value::asString));
        sorted.sort(null);
        return sorted + canonical(props.asMap());
    }

    private static String canonical(Map<String, Object> props) {
        return new TreeMap<>(props).toString();
    }

    private static String sha256(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                md.update(line.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Node and relationship counts and the content hash. */
    public record Fingerprint(long nodes, long relationships, String sha256) {
    }
}
