package io.kgrec.api.auditlog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kgrec.api.graph.EmbeddedNeo4j;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.read.Recommendations.Scored;
import io.kgrec.model.reason.ReasonPathMaps;
import jakarta.annotation.PreDestroy;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every served recommendation list in the graph as a {@code :ServedList} node, for reviewers. Page views must
 * not wait for it: lists are queued and written by one background thread in batches, one transaction a quarter second
 * (sooner only when a full batch is waiting), so the log costs a request almost nothing and the database at most a
 * few commits a second however busy the service is. A crash can lose the last quarter second of log; the
 * recommendations themselves are unaffected.
 *
 * <p>Most served lists are kept lists served again (ServedListCache): the same items with the same scores, reasons,
 * rules and model. Only the first serving of a page stores those (about 20 KB of JSON for ten items); each later
 * serving of that page stores {@code reasonsOf}, the first one's id, and only what is its own: id, time, customer,
 * caller and model version. Its items and scores, arrays the store keeps in records of their own, were the larger
 * part of the log's write cost at 300 page views a second. Readers resolve the reference ({@link ServedLists});
 * erasure deletes both, as both are the customer's; retention keeps a first serving while a later one refers to it.
 * With the embedded database the batch is written in-process, sparing Bolt's encoding on both sides of the socket.
 */
@Component
public class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRITE = """
            UNWIND $lists AS l
            CREATE (:ServedList {id: l.id, at: l.at, customerId: l.customerId, caller: l.caller,
                                 modelVersion: l.modelVersion, reasonsOf: l.reasonsOf, rules: l.rules,
                                 firstRank: l.firstRank, items: l.items, scores: l.scores, reasons: l.reasons})
            """;
    private static final int BATCH = 500;
    private static final long PACE_MILLIS = 250;
    private static final long NOTHING_CAME = Long.MIN_VALUE;

    private final GraphConnection graph;
    /**
     * The first logged serving of each page, by the page's first item: a kept list serves the same {@link Scored}
     * objects again (compared by identity), and a page is a run of them, known by its first item and its length.
     */
    private final Cache<Scored, FirstServing> firstServings = Caffeine.newBuilder().weakKeys().maximumSize(100_000)
            .build();
    private final BlockingQueue<ServedList> queue;
    private final Thread writer;
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean running = true;

    public AuditLog(GraphConnection graph, @Value("${kgrec.audit.queue:10000}") int capacity) {
        this.graph = graph;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drainForever, "kgrec-audit-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a served list; if the queue is full (the database is down), the list is logged as dropped. */
    public void record(ServedList list) {
        if (!queue.offer(list)) {
            LOG.warn("audit log queue full: served list {} for customer {} was not recorded", list.id(),
                    list.customerId());
        }
    }

    /** After lists were deleted: the next serving of any page stores its reasons again. */
    public void forgetFirstServings() {
        firstServings.invalidateAll();
    }

    /** Writes everything queued so far, and waits for a batch the writer has taken; for shutdown and tests. */
    public void flush() {
        writing.lock();
        try {
            List<ServedList> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // Not interrupt(): a thread interrupted inside a driver session can strand its pooled connection, and closing
        // the driver then waits for it forever (a benchmark's server hung on shutdown this way). The writer polls
        // every quarter second and sees the flag.
        running = false;
        writer.join(5_000);
        flush();
    }

    private void drainForever() {
        List<ServedList> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                long started = writeABatch(batch);
                if (started != NOTHING_CAME) {
                    waitForABatch(started);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("could not write {} served lists to the audit log", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Takes what is queued, waiting a quarter second at most for the first, and writes it; returns when the first came
     * ({@link System#nanoTime()}), or {@link #NOTHING_CAME}.
     */
    private long writeABatch(List<ServedList> batch) throws InterruptedException {
        // Held from taking to committed, so that flush() never returns while lists it did not see are in flight.
        writing.lock();
        try {
            ServedList first = queue.poll(PACE_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
                return NOTHING_CAME;
            }
            long came = System.nanoTime();
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            return came;
        } finally {
            writing.unlock();
        }
    }

    /**
     * Lets lists gather for the rest of the quarter second: written as they came, a busy service's log would commit
     * (and force the transaction log to disk) many times a second, a few lists each time.
     */
    private void waitForABatch(long started) throws InterruptedException {
        long left = PACE_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (left > 0 && queue.size() < BATCH && running) {
            Thread.sleep(left);
        }
    }

    private void write(List<ServedList> batch) {
        // Pages first served in this batch count only once it commits: a failed batch leaves nothing to refer to.
        Map<Scored, FirstServing> firstInBatch = new IdentityHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (ServedList l : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", l.id());
            row.put("at", l.at().atZone(ZoneOffset.UTC));
            row.put("customerId", l.customerId());
            row.put("caller", l.caller());
            row.put("modelVersion", l.modelVersion());
            FirstServing page = FirstServing.of(l, JSON.writeValueAsString(l.rules()));
            String reasonsOf = firstServingOf(l, page, firstInBatch);
            row.put("reasonsOf", reasonsOf);
            if (reasonsOf == null) {
                row.put("rules", page.rules());
                row.put("firstRank", page.firstRank());
                row.put("items", page.itemIds());
                row.put("scores", page.scores());
                row.put("reasons", reasonsOf(l.items()));
            }
            rows.add(row);
        }
        Map<String, Object> parameters = Map.of("lists", rows);
        if (graph.embedded().isPresent()) {
            writeInProcess(graph.embedded().get(), parameters);
        } else {
            try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                s.executeWriteWithoutResult(tx -> tx.run(WRITE, parameters).consume());
            }
        }
        firstServings.putAll(firstInBatch);
    }

    /**
     * The id of an earlier serving of the same page, with the same items, scores, rules and model, or null if this is
     * the first.
     */
    private String firstServingOf(ServedList list, FirstServing page, Map<Scored, FirstServing> firstInBatch) {
        if (list.items().isEmpty()) {
            return null;
        }
        Scored top = list.items().get(0);
        FirstServing earlier = firstInBatch.get(top);
        if (earlier == null) {
            earlier = firstServings.getIfPresent(top);
        }
        if (earlier != null && earlier.sameAs(page)) {
            return earlier.listId();
        }
        firstInBatch.put(top, page);
        return null;
    }

    /**
     * A page's first logged serving and what a later serving must repeat to refer to it; no reference to its
     * {@link Scored} items, which would keep them (the cache's weak keys) from being collected.
     */
    private record FirstServing(String listId, String customerId, long modelVersion, String rules, int firstRank,
            List<String> itemIds, List<Double> scores) {
        static FirstServing of(ServedList list, String rules) {
            // A page after a cursor starts past rank 1; without it a reviewer would see its items numbered from 1.
            int firstRank = list.items().isEmpty() ? 1 : list.items().get(0).rank();
            return new FirstServing(list.id(), list.customerId(), list.modelVersion(), rules, firstRank,
                    list.items().stream().map(Scored::itemId).toList(),
                    list.items().stream().map(Scored::score).toList());
        }

        boolean sameAs(FirstServing other) {
            return customerId.equals(other.customerId) && modelVersion == other.modelVersion
                    && rules.equals(other.rules) && firstRank == other.firstRank && itemIds.equals(other.itemIds)
                    && scores.equals(other.scores);
        }
    }

    private static void writeInProcess(EmbeddedNeo4j embedded, Map<String, Object> parameters) {
        try (Transaction tx = embedded.database().beginTx()) {
            tx.execute(WRITE, parameters).close();
            tx.commit();
        }
    }

    private static String reasonsOf(List<Scored> items) {
        return JSON.writeValueAsString(items.stream().map(item -> Map.of(
                "paths", item.reasons().stream().map(ReasonPathMaps::toMap).toList(),
                "terms", item.terms().stream().map(ReasonPathMaps::toMap).toList())).toList());
    }
}
