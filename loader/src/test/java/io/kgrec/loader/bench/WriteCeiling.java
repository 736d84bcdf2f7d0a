package io.kgrec.loader.bench;

import io.kgrec.loader.testing.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The ceiling of transactional relationship writes on this machine, whatever the loader does around them: an
 * embedded Neo4j creating relationships between existing nodes with the core API, in process (no Bolt, no parsing,
 * no lookups by id: the nodes are at hand), in committed batches. It is the fastest any transactional loader could
 * write the interaction phase, so it tells whether a target for that phase can be met here at all.
 *
 * <p>Variants: no property; the six properties a single-source interaction relationship carries (sources, raw,
 * count, weight, spend, timestamp); and the same split over two writer threads on disjoint customers.
 *
 * <pre>java -cp "$CP" io.kgrec.loader.bench.WriteCeiling [relationships per round] [rounds] [batch]</pre>
 */
public final class WriteCeiling {
    private static final int CUSTOMERS = 2_500;
    private static final int ITEMS = 20_000;

    private WriteCeiling() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path home = Files.createTempDirectory("kgrec-write-ceiling");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, home, 512)) {
            GraphDatabaseService graph = db.service();
            long[][] nodes = createNodes(graph);
            System.out.printf(Locale.ROOT, "# %d customers, %d items, %d relationships per round, batches of %d, "
                    + "%d cores, load average %s%n", CUSTOMERS, ITEMS, perRound, batch,
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println("| round | variant | relationships | seconds | per second |");
            System.out.println("|---|---|---:|---:|---:|");
            int type = 0;
            for (int round = 1; round <= rounds; round++) {
                for (String variant : List.of("no property", "six properties", "six properties, 2 threads")) {
                    RelationshipType t = RelationshipType.withName("CEILING_" + type++);
                    boolean properties = !variant.equals("no property");
                    int threads = variant.endsWith("2 threads") ? 2 : 1;
                    long start = System.nanoTime();
                    write(graph, nodes, t, perRound, batch, properties, threads, round);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "| %d | %s | %d | %.2f | %,.0f |%n", round, variant, perRound,
                            seconds, perRound / seconds);
                }
            }
        }
    }

    @SuppressWarnings("deprecation") // node ids are stable for the run
    private static long[][] createNodes(GraphDatabaseService graph) {
        long[] customers = new long[CUSTOMERS];
        long[] items = new long[ITEMS];
        try (Transaction tx = graph.beginTx()) {
            for (int c = 0; c < CUSTOMERS; c++) {
                Node n = tx.createNode(Label.label("Customer"));
                n.setProperty("id", "c" + c);
                customers[c] = n.getId();
            }
            for (int i = 0; i < ITEMS; i++) {
                Node n = tx.createNode(Label.label("Item"));
                n.setProperty("id", "i" + i);
                items[i] = n.getId();
            }
            tx.commit();
        }
        return new long[][] {customers, items};
    }

    /** Customers in order, as the loader sends them; each thread takes every other customer. */
    private static void write(GraphDatabaseService graph, long[][] nodes, RelationshipType type, int total, int batch,
            boolean properties, int threads, int seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                done.add(pool.submit(() -> writeShare(graph, nodes, type, total / threads, batch, properties, threads,
                        worker, seed)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @SuppressWarnings("deprecation")
    private static void writeShare(GraphDatabaseService graph, long[][] nodes, RelationshipType type, int count,
            int batch, boolean properties, int threads, int worker, int seed) {
        SplittableRandom random = new SplittableRandom(seed * 31L + worker);
        int perCustomer = Math.max(1, count / (CUSTOMERS / threads));
        String[] sources = {"transactions.csv"};
        int written = 0;
        int customer = worker;
        while (written < count) {
            try (Transaction tx = graph.beginTx()) {
                int inBatch = Math.min(batch, count - written);
                for (int k = 0; k < inBatch; k++, written++) {
                    if (written > 0 && written % perCustomer == 0) {
                        customer = (customer + threads) % CUSTOMERS;
                    }
                    Node c = tx.getNodeById(nodes[0][customer]);
                    Node i = tx.getNodeById(nodes[1][random.nextInt(ITEMS)]);
                    Relationship r = c.createRelationshipTo(i, type);
                    if (properties) {
                        r.setProperty("sources", sources);
                        r.setProperty("raw", 2.0);
                        r.setProperty("count", 1L);
                        r.setProperty("weight", Math.log1p(2.0));
                        r.setProperty("spend", 3.49);
                        r.setProperty("timestamp", 1_300_000_000L + k);
                    }
                }
                tx.commit();
            }
        }
    }
}
