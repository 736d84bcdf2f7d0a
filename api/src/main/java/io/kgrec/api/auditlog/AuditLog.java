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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * not wait for it: lists are queued and written by one background thread in batches (one transaction per batch, at
 * least every quarter second), so the log costs a request almost nothing and the database one commit per batch.
 * A crash can lose the last quarter second of log; the recommendations themselves are unaffected.
 *
 * <p>Most served lists are kept lists served again, so an item's reasons are turned into JSON once per scored list
 * and reused while that list is kept; and with the embedded database the batch is written in-process, sparing Bolt's
 * encoding of the reasons on both sides of the loopback socket.
 */
@Component
public class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRITE = """
            UNWIND $lists AS l
            CREATE (:ServedList {id: l.id, at: l.at, customerId: l.customerId, caller: l.caller,
                                 modelVersion: l.modelVersion, rules: l.rules, items: l.items, scores: l.scores,
                                 reasons: l.reasons})
            """;
    private static final int BATCH = 500;

    private final GraphConnection graph;
    /** Each served item's reasons as JSON, by identity: a kept list serves the same {@link Scored} objects again. */
    private final Cache<Scored, String> reasonsJson = Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();
    private final BlockingQueue<ServedList> queue;
    private final Thread writer;
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

    /** Writes everything queued so far; for shutdown and tests. */
    public void flush() {
        List<ServedList> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
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
                ServedList first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
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

    private void write(List<ServedList> batch) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (ServedList l : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", l.id());
            row.put("at", l.at().atZone(ZoneOffset.UTC));
            row.put("customerId", l.customerId());
            row.put("caller", l.caller());
            row.put("modelVersion", l.modelVersion());
            row.put("rules", JSON.writeValueAsString(l.rules()));
            row.put("items", l.items().stream().map(s -> s.itemId()).toList());
            row.put("scores", l.items().stream().map(s -> s.score()).toList());
            row.put("reasons", "[" + String.join(",", l.items().stream()
                    .map(s -> reasonsJson.get(s, AuditLog::reasonsOf)).toList()) + "]");
            rows.add(row);
        }
        Map<String, Object> parameters = Map.of("lists", rows);
        if (graph.embedded().isPresent()) {
            writeInProcess(graph.embedded().get(), parameters);
            return;
        }
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            s.executeWriteWithoutResult(tx -> tx.run(WRITE, parameters).consume());
        }
    }

    private static void writeInProcess(EmbeddedNeo4j embedded, Map<String, Object> parameters) {
        try (Transaction tx = embedded.database().beginTx()) {
            tx.execute(WRITE, parameters).close();
            tx.commit();
        }
    }

    private static String reasonsOf(Scored item) {
        return JSON.writeValueAsString(Map.of("paths", item.reasons().stream().map(ReasonPathMaps::toMap).toList(),
                "terms", item.terms().stream().map(ReasonPathMaps::toMap).toList()));
    }
}
