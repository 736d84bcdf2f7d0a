package io.kgrec.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kgrec.api.read.Recommendations.Scored;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the lists {@code kgrec.recommend.stream} ranked, per customer and request shape, so that a customer who
 * views page after page is scored once rather than on every view. Scoring is most of a page view's cost; reading
 * whether a kept list still holds is a single index lookup.
 *
 * <p>Each use first reads a validity token from the graph: all the customer's properties (among them the feedback
 * sequence that every recorded interaction bumps, on whichever instance, the profiling opt-out, the attributes the
 * segment prior reads and the profile a load refreshes), how many items the customer has interacted with (which a
 * load changes), and the current model's version and revision (a new model, or an erasure). A kept list is served
 * again only while its token is unchanged, and for at most the time to live. So any change to the customer and a new
 * model show at once, on every instance behind a load balancer; what else moves a score only a little (other
 * customers' interactions, catalogue edits) shows within the time to live.
 */
@Component
public class ServedListCache {
    private static final Logger LOG = LoggerFactory.getLogger(ServedListCache.class);
    /** No row when the customer does not exist. Impressions ({@code SHOWN}) do not change a list, so they do not count. */
    private static final String TOKEN = """
            MATCH (c:Customer {id: $customerId})
            OPTIONAL MATCH (m:Model {current: true})
            RETURN [properties(c), COUNT { (c)-[r]->(:Item) WHERE NOT r:SHOWN }, m.version, m.revision] AS token
            """;

    private final Recommendations recommendations;
    private final Graph graph;
    private final Cache<Key, Kept> lists;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param timeToLive the longest a list is served again; 0 turns the cache off
     * @param capacity   how many reason paths the kept lists may hold in all (an item counts as one more), the
     *                   measure of their memory; the least valuable lists are evicted first
     */
    public ServedListCache(Recommendations recommendations, Graph graph,
            @Value("${kgrec.serving.cache.time-to-live:60s}") Duration timeToLive,
            @Value("${kgrec.serving.cache.reason-paths:200000}") long capacity) {
        this.recommendations = recommendations;
        this.graph = graph;
        this.lists = timeToLive.isZero() || capacity == 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumWeight(capacity)
                        .weigher((Key key, Kept kept) -> kept.weight()).build();
    }

    /** As {@link Recommendations#top}: the top {@code topK} items, empty when the customer does not exist. */
    public List<Scored> top(String customerId, int topK, int maxReasons, Map<String, Object> rules) {
        if (lists == null) {
            return recommendations.top(customerId, topK, maxReasons, rules);
        }
        List<Object> token = token(customerId);
        if (token == null) {
            return List.of();
        }
        Key key = new Key(customerId, topK, maxReasons, Collections.unmodifiableMap(new LinkedHashMap<>(rules)));
        Kept kept = lists.getIfPresent(key);
        if (kept != null && kept.token().equals(token)) {
            hits.increment();
            return kept.items();
        }
        misses.increment();
        // The token was read before scoring: a change that lands in between makes the next token differ, so the list
        // is scored again rather than served stale.
        List<Scored> items = List.copyOf(recommendations.top(customerId, topK, maxReasons, rules));
        lists.put(key, new Kept(token, items));
        return items;
    }

    /** Lists served from the cache and lists scored, since start. */
    public Statistics statistics() {
        return new Statistics(hits.sum(), misses.sum());
    }

    @PreDestroy
    void report() {
        if (lists != null) {
            Statistics s = statistics();
            LOG.info("served-list cache: {} lists served again, {} scored ({} hit rate)", s.hits(), s.misses(),
                    String.format(java.util.Locale.ROOT, "%.1f%%", 100 * s.hitRate()));
        }
    }

    private List<Object> token(String customerId) {
        List<List<Object>> rows = graph.readRows(TOKEN, Map.of("customerId", customerId), ServedListCache::tokenOf);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> tokenOf(Map<String, Object> row) {
        return (List<Object>) comparable(row.get("token"));
    }

    /**
     * The value with arrays as lists, so that tokens compare by content: in-process, array properties come back as
     * Java arrays, whose {@code equals} is identity.
     */
    private static Object comparable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.HashMap<>();
            map.forEach((k, v) -> copy.put(k, comparable(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ServedListCache::comparable).collect(java.util.stream.Collectors.toList());
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new java.util.ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                items.add(comparable(java.lang.reflect.Array.get(value, i)));
            }
            return items;
        }
        return value;
    }

    /** Hits and misses since start. */
    public record Statistics(long hits, long misses) {
        public double hitRate() {
            long all = hits + misses;
            return all == 0 ? 0.0 : (double) hits / all;
        }
    }

    private record Key(String customerId, int topK, int maxReasons, Map<String, Object> rules) {
    }

    private record Kept(List<Object> token, List<Scored> items) {
        int weight() {
            return items.stream().mapToInt(s -> 1 + s.reasons().size()).sum();
        }
    }
}
