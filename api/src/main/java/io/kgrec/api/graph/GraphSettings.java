package io.kgrec.api.graph;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the graph lives. With {@code NEO4J_URI} set, kgrec uses that server (single instance or cluster) and starts
 * no database of its own; otherwise it runs an embedded Neo4j in {@code dataDir} with Bolt on {@code boltAddress}.
 *
 * @param uri          the external server, if any
 * @param username     credentials for the external server (or for the embedded Bolt port when a password is set)
 * @param password     may be empty: then the embedded database accepts unauthenticated Bolt on loopback only
 * @param database     the database name
 * @param dataDir      the embedded database's folder; it survives restarts
 * @param boltHost     the embedded Bolt listen host
 * @param boltPort     the embedded Bolt listen port (0 picks a free one)
 * @param pageCacheMiB the embedded page cache size
 * @param txLogRetention how much of the embedded database's transaction logs to keep, in Neo4j's
 *                     {@code db.tx_log.rotation.retention_policy} form, such as {@code 512M size}
 */
public record GraphSettings(Optional<URI> uri, String username, String password, String database, Path dataDir,
        String boltHost, int boltPort, long pageCacheMiB, String txLogRetention) {

    public static final String DEFAULT_DATABASE = "neo4j";

    /**
     * Neo4j keeps two days of transaction logs by default, which after one training of the Complete Journey demo data
     * was 3.0 GB beside a 1.2 GB store, and kept erased customers' records on disk as long. The embedded database has
     * no backups or cluster members that read old logs; recovery needs only those after the last checkpoint, which
     * Neo4j keeps whatever this says.
     */
    public static final String DEFAULT_TX_LOG_RETENTION = "512M size";

    /** Neo4j's own pattern for the retention setting, checked here so a bad value names our variable. */
    private static final Pattern RETENTION = Pattern.compile("true|keep_all|false|keep_none"
            + "|\\d+[KkMmGg]? (files|size|txs|entries|hours( \\d+[KkMmGg]?)?|days( \\d+[KkMmGg]?)?)");

    /**
     * Reads {@code NEO4J_URI}, {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}, {@code NEO4J_DATABASE},
     * {@code KGREC_DATA_DIR}, {@code KGREC_BOLT_ADDRESS} (host:port), {@code KGREC_PAGE_CACHE_MB} and
     * {@code KGREC_TX_LOG_RETENTION}.
     *
     * @throws IllegalArgumentException naming the variable whose value is malformed
     */
    public static GraphSettings from(Function<String, String> env) {
        String uri = value(env, "NEO4J_URI", "");
        String bolt = value(env, "KGREC_BOLT_ADDRESS", "127.0.0.1:7687");
        int colon = bolt.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("KGREC_BOLT_ADDRESS '" + bolt + "' must be host:port");
        }
        return new GraphSettings(
                uri.isEmpty() ? Optional.empty() : Optional.of(parseUri(uri)),
                value(env, "NEO4J_USERNAME", "neo4j"),
                value(env, "NEO4J_PASSWORD", ""),
                value(env, "NEO4J_DATABASE", DEFAULT_DATABASE),
                Path.of(value(env, "KGREC_DATA_DIR", "data/neo4j")),
                bolt.substring(0, colon),
                integer("KGREC_BOLT_ADDRESS port", bolt.substring(colon + 1), 0, 65535),
                integer("KGREC_PAGE_CACHE_MB", value(env, "KGREC_PAGE_CACHE_MB", "256"), 16, 1 << 20),
                retention(value(env, "KGREC_TX_LOG_RETENTION", DEFAULT_TX_LOG_RETENTION)));
    }

    public boolean embedded() {
        return uri.isEmpty();
    }

    public GraphSettings withDataDir(Path dir) {
        return new GraphSettings(uri, username, password, database, dir, boltHost, boltPort, pageCacheMiB,
                txLogRetention);
    }

    public GraphSettings withBoltPort(int port) {
        return new GraphSettings(uri, username, password, database, dataDir, boltHost, port, pageCacheMiB,
                txLogRetention);
    }

    private static URI parseUri(String raw) {
        URI uri = URI.create(raw);
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.matches("bolt|bolt\\+s|bolt\\+ssc|neo4j|neo4j\\+s|neo4j\\+ssc")) {
            throw new IllegalArgumentException("NEO4J_URI '" + raw + "' must use bolt://, neo4j:// or their +s/+ssc "
                    + "variants");
        }
        return uri;
    }

    private static String value(Function<String, String> env, String name, String fallback) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static String retention(String raw) {
        if (!RETENTION.matcher(raw).matches()) {
            throw new IllegalArgumentException("KGREC_TX_LOG_RETENTION '" + raw + "' must be keep_all, keep_none or "
                    + "<number>[K|M|G] <files|size|txs|entries|hours|days>, such as '" + DEFAULT_TX_LOG_RETENTION
                    + "'");
        }
        return raw;
    }

    private static int integer(String name, String raw, int min, int max) {
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + raw + "' is not an integer");
        }
    }
}
