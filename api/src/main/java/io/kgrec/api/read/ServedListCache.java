package io.kgrec.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.read.Recommendations.Scored;
import io.kgrec.model.reason.NodeKind;
import io.kgrec.model.reason.PathNode;
import io.kgrec.model.reason.ReasonPath;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the lists {@code kgrec.recommend.stream} ranked, per customer and request shape, so that a customer who
 * views page after page is scored once rather than on every view. Scoring is most of a page view's cost.
 *
 * <p>Each use first reads a validity token for the customer, and a kept list is served again only while its token is
 * unchanged, and for at most the time to live. The token changes with any change to the customer (the feedback
 * sequence that every recorded interaction bumps, the profiling opt-out, the attributes the segment prior reads, the
 * profile a load refreshes, the customer's interactions however written) and with a new model or an erasure. With the
 * embedded database it is told by the database's own commits ({@link CommittedChanges}), so a served-again list costs
 * no query at all; against a server or a cluster, where other instances write too, it is read from the graph on
 * every use ({@link GraphToken}). So any change to the customer and a new model show at once, on every instance behind
 * a load balancer; what else moves a score only a little (other customers' interactions, catalogue edits) shows
 * within the time to live.
 *
 * <p>A list served again after half its time to live is scored afresh in the background, and the fresh list replaces
 * it (if its token still holds): a customer who keeps browsing never waits for a list to be scored because the old one
 * grew too old, and is never shown a list older than the time to live. Refreshing is one background thread with a
 * bounded queue, so it takes one core at most beside the requests;
 * when it falls behind (a saturated server), lists simply expire and are scored on the next request, as without it.
 * Where the validity sees every commit (the embedded database), a list due for a refresh that nothing it shows has
 * changed for ({@link Validity#changedSince}) is kept on as it is instead: scoring it again would give the same list,
 * and the young collections a fresh 70 KB list costs are most of what the refreshes cost requests. A model-scored list
 * for which only other customers' interactions changed is regrouped instead ({@link Recommendations#regrouped}): its
 * ranking stands, and only the groups of customers on its collaborative paths are counted again.
 */
@Component
public class ServedListCache {
    private static final Logger LOG = LoggerFactory.getLogger(ServedListCache.class);

    /** Where a kept list's validity comes from. */
    interface Validity {
        /** A value that changes whenever the customer's list may have; null when there is no such customer. */
        List<Object> token(String customerId);

        /** Where the stream of committed changes stands, read before scoring; negative where changes are not seen. */
        default long position() {
            return -1;
        }

        /**
         * Whether anything a list with these inputs shows may have changed after the position, apart from the
         * customer's own changes, which the token tells. True whenever it cannot be told.
         */
        default boolean changedSince(long position, Inputs inputs) {
            return true;
        }

        /**
         * Whether nothing but interactions with items (other customers', since the token tells the customer's own)
         * may have changed after the position: no model, catalogue or unattributed change. False where it cannot be
         * told.
         */
        default boolean onlyInteractionsSince(long position) {
            return false;
        }

        /** Tells the listener of customers whose tokens changed, as the changes commit; where not seen, never. */
        default void onCustomerChanges(Consumer<Set<String>> listener) {
        }
    }

    /**
     * What of the graph a list shows besides the customer and the model: its items and the items on its paths, whose
     * co-customer groups another customer's interaction changes; a list of the untrained walk, whose scores come from
     * everyone's interactions, depends on every interaction. A model-scored list depends on other customers'
     * interactions only through those groups, so it can be regrouped instead of scored again, unless it shows a
     * collaborative weight without a group, where one may have formed since.
     */
    record Inputs(Set<String> items, boolean everyInteraction, boolean regroupable) {
        static Inputs of(List<Scored> list) {
            Set<String> items = new HashSet<>();
            boolean walked = false;
            boolean ungrouped = false;
            for (Scored s : list) {
                items.add(s.itemId());
                walked |= s.modelVersion() == 0;
                for (ReasonPath path : s.reasons()) {
                    ungrouped |= path.isUngroupedCoEngagement();
                    for (PathNode node : path.nodes()) {
                        if (node.kind() == NodeKind.ITEM) {
                            items.add(node.id());
                        }
                    }
                }
            }
            return new Inputs(Set.copyOf(items), walked, !walked && !ungrouped);
        }
    }

    private final Recommendations recommendations;
    private final Validity validity;
    private final Cache<Key, Kept> lists;
    private final Ticker ticker;
    private final long refreshAfterNanos;
    private final ThreadPoolExecutor refresher;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder staleMisses = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder renewals = new LongAdder();
    private final LongAdder regroupings = new LongAdder();
    private final LongAdder regroupedUnchanged = new LongAdder();
    private final LongAdder rescored = new LongAdder();
    /** Scores changed customers' lists again, apart from the refresher's queue. */
    private final ThreadPoolExecutor rescorer;
    /** Hands work to the rescorer a moment later, so a customer who comes straight back scores the list first. */
    private final Executor shortly;
    /**
     * The keys of each customer's kept lists, so that a commit finds a changed customer's lists without walking every
     * kept list (which took half of a purchase's time on the committing thread with 5,000 lists kept). A key leaves
     * when its list expires, is evicted or is dropped for a customer who no longer exists.
     */
    private final Map<String, Set<Key>> keysByCustomer = new ConcurrentHashMap<>();
    private final long timeToLiveNanos;

    /**
     * @param timeToLive the longest a list is served again; 0 turns the cache off
     * @param capacity   how many reason paths the kept lists may hold in all (an item counts as one more), the
     *                   measure of their memory; the least valuable lists are evicted first
     * @param rescoreAfter how long after a customer's change their kept lists are scored again in the background
     *                   (where changes are seen); 0 leaves them to the customer's next request
     */
    @Autowired
    public ServedListCache(Recommendations recommendations, Graph graph, GraphConnection connection,
            @Value("${kgrec.serving.cache.time-to-live:60s}") Duration timeToLive,
            @Value("${kgrec.serving.cache.reason-paths:200000}") long capacity,
            @Value("${kgrec.serving.cache.rescore-after:1s}") Duration rescoreAfter) {
        this(recommendations, validity(graph, connection, timeToLive), timeToLive, capacity, rescoreAfter,
                Ticker.systemTicker());
    }

    ServedListCache(Recommendations recommendations, Validity validity, Duration timeToLive, long capacity,
            Ticker ticker) {
        this(recommendations, validity, timeToLive, capacity, Duration.ZERO, ticker);
    }

    ServedListCache(Recommendations recommendations, Validity validity, Duration timeToLive, long capacity,
            Duration rescoreAfter, Ticker ticker) {
        this.recommendations = recommendations;
        this.validity = validity;
        this.ticker = ticker;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.refreshAfterNanos = timeToLive.toNanos() / 2;
        boolean off = timeToLive.isZero() || capacity == 0;
        this.lists = off ? null
                : Caffeine.newBuilder().ticker(ticker).expireAfterWrite(timeToLive).maximumWeight(capacity)
                        .weigher((Key key, Kept kept) -> kept.weight())
                        // An eviction listener runs in the evicting call and only for expiry and size, so the
                        // many replacements by refreshes and renewals cost nothing here.
                        .evictionListener((Key key, Kept kept, RemovalCause cause) -> forgetKey(key)).build();
        // Below the requests: a refresh has half a time to live to finish, a request has milliseconds.
        this.refresher = off ? null : oneThread("kgrec-served-list-refresh");
        boolean rescoring = !off && !rescoreAfter.isZero();
        // At the requests' priority and apart from the refreshes: a changed customer's next request is likely within
        // seconds, and scores the list itself if this has not (behind thousands of regroupings on the refresher at
        // nice 19, the next requests after 423 of ~1,500 purchases did).
        this.rescorer = !rescoring ? null : oneThread("kgrec-changed-list-rescore");
        this.shortly = !rescoring ? null : CompletableFuture.delayedExecutor(rescoreAfter.toMillis(),
                TimeUnit.MILLISECONDS, task -> {
                    try {
                        rescorer.execute(task);
                    } catch (RejectedExecutionException full) {
                        // the customer's next request scores the list, as without rescoring
                    }
                });
        if (rescoring) {
            validity.onCustomerChanges(this::rescoreShortly);
        }
    }

    /** One daemon thread with a bounded queue; a task it cannot take is refused, never waited for. */
    private static ThreadPoolExecutor oneThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The same cache, its validity read from the graph on every use, as against a server, with the given clock: for
     * tests.
     */
    public static ServedListCache readingTokens(Recommendations recommendations, Graph graph, Duration timeToLive,
            long capacity, Ticker ticker) {
        return new ServedListCache(recommendations, new GraphToken(graph), timeToLive, capacity, ticker);
    }

    private static Validity validity(Graph graph, GraphConnection connection, Duration timeToLive) {
        if (timeToLive.isZero() || connection.embedded().isEmpty()) {
            return new GraphToken(graph);
        }
        CommittedChanges changes = new CommittedChanges(timeToLive);
        connection.embedded().get().onCommit(changes);
        return changes;
    }

    /** As {@link Recommendations#top}: the top {@code topK} items, empty when the customer does not exist. */
    public List<Scored> top(String customerId, int topK, int maxReasons, Map<String, Object> rules) {
        if (lists == null) {
            return recommendations.top(customerId, topK, maxReasons, rules);
        }
        List<Object> token = validity.token(customerId);
        if (token == null) {
            return List.of();
        }
        Key key = new Key(customerId, topK, maxReasons, Collections.unmodifiableMap(new LinkedHashMap<>(rules)));
        Kept kept = lists.getIfPresent(key);
        if (kept != null && kept.token().equals(token)) {
            hits.increment();
            if (ticker.read() - kept.scoredAt() > refreshAfterNanos && kept.refreshing().compareAndSet(false, true)) {
                refreshInBackground(key, kept);
            }
            return kept.items();
        }
        misses.increment();
        if (kept != null) {
            staleMisses.increment();
        }
        long scoredAt = ticker.read();
        long position = validity.position();
        List<Scored> items = scored(key);
        if (!items.isEmpty()) { // an empty list weighs nothing, so unknown ids could fill the cache without bound
            lists.put(key, new Kept(token, items, Inputs.of(items), position, scoredAt));
            // After the put: the eviction of an earlier list under this key, which the put waits for, then cannot
            // take the key out after it was added.
            keysByCustomer.compute(key.customerId(), (customer, keys) -> {
                Set<Key> known = keys == null ? ConcurrentHashMap.newKeySet() : keys;
                known.add(key);
                return known;
            });
        }
        return items;
    }

    /**
     * Scores a list. Callers read the token before scoring: a change that lands in between makes the next token
     * differ, so the list is scored again rather than served stale.
     */
    private List<Scored> scored(Key key) {
        return List.copyOf(recommendations.top(key.customerId(), key.topK(), key.maxReasons(), key.rules()));
    }

    private void refreshInBackground(Key key, Kept old) {
        try {
            refresher.execute(() -> {
                try {
                    List<Object> token = validity.token(key.customerId());
                    if (token == null) {
                        lists.invalidate(key);
                        forgetKey(key);
                        return;
                    }
                    long scoredAt = ticker.read();
                    long position = validity.position();
                    if (renewable(old, token, scoredAt)) {
                        // Scoring again would give the very same list: it is kept as scored now, at no cost.
                        if (lists.asMap().replace(key, old, old.renewed(position, scoredAt))) {
                            renewals.increment();
                        }
                        return;
                    }
                    if (regroupable(old, token, scoredAt)) {
                        // Scoring again would give the same items and scores: only the groups are counted again.
                        List<Scored> regrouped = recommendations.regrouped(key.customerId(), old.items());
                        if (regrouped != null) {
                            // No group changed: the kept list itself stays, not a copy of it that would outlive
                            // the young generation and leave the old list as garbage in the old one.
                            boolean unchanged = regrouped == old.items();
                            if (lists.asMap().replace(key, old, unchanged ? old.renewed(position, scoredAt)
                                    : new Kept(token, regrouped, old.inputs(), position, scoredAt))) {
                                regroupings.increment();
                                if (unchanged) {
                                    regroupedUnchanged.increment();
                                }
                            }
                            return;
                        }
                    }
                    scoreInPlaceOf(key, old, token, position, scoredAt, refreshes);
                } catch (RuntimeException e) {
                    // The old list stays until it expires; the next request after that scores it in the open.
                    LOG.warn("refreshing a served list for customer {} failed", key.customerId(), e);
                }
            });
        } catch (RejectedExecutionException full) {
            old.refreshing().set(false);
        }
    }

    /**
     * Customers' changes (a purchase, a profile) made their kept lists stale: each is scored again in the background a
     * moment later, unless a request has done it by then, so a customer who buys and browses on is served rather than
     * scored on the next page. Called on the committing thread, so it only schedules.
     */
    private void rescoreShortly(Set<String> customers) {
        for (String customer : customers) {
            Set<Key> keys = keysByCustomer.get(customer);
            if (keys != null) {
                for (Key key : keys) {
                    shortly.execute(() -> rescoreIfStale(key));
                }
            }
        }
    }

    /**
     * After a list left the cache: its key leaves the customer's keys. Called within the removal, which a put under the
     * same key waits for; the put adds the key back after it.
     */
    private void forgetKey(Key key) {
        keysByCustomer.computeIfPresent(key.customerId(), (customer, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    private void rescoreIfStale(Key key) {
        try {
            Kept kept = lists.getIfPresent(key);
            List<Object> token = kept == null ? null : validity.token(key.customerId());
            if (token == null || kept.token().equals(token)) {
                return; // expired, no such customer any more, or already scored again on a request
            }
            scoreInPlaceOf(key, kept, token, validity.position(), ticker.read(), rescored);
        } catch (RuntimeException e) {
            LOG.warn("scoring a changed customer's list again failed for customer {}", key.customerId(), e);
        }
    }

    /**
     * Scores the list afresh in the background, with the token, position and time read before, and keeps it only in
     * place of the list it was scored for: a list scored meanwhile on a request is at least as fresh.
     */
    private void scoreInPlaceOf(Key key, Kept old, List<Object> token, long position, long scoredAt,
            LongAdder counted) {
        List<Scored> items = scored(key);
        if (!items.isEmpty() && lists.asMap().replace(key, old,
                new Kept(token, items, Inputs.of(items), position, scoredAt))) {
            counted.increment();
        }
    }

    /**
     * Whether nothing the list shows changed since it was scored: the same token, and no change the validity reports
     * since its position. Changes are remembered for twice the time to live, so a list checked later than its time to
     * live (a refresh that waited long in the queue) is scored again instead.
     */
    private boolean renewable(Kept old, List<Object> token, long now) {
        return old.token().equals(token) && now - old.scoredAt() < timeToLiveNanos
                && !validity.changedSince(old.position(), old.inputs());
    }

    /**
     * Whether only other customers' interactions with items changed since a model-scored list was scored: its ranking
     * stands (weights, priors and segment shares are trained), only the groups of customers on its paths moved.
     */
    private boolean regroupable(Kept old, List<Object> token, long now) {
        return old.inputs().regroupable() && old.token().equals(token) && now - old.scoredAt() < timeToLiveNanos
                && validity.onlyInteractionsSince(old.position());
    }

    /**
     * Lists served from the cache, lists scored on a request, lists refreshed in the background, lists found unchanged
     * when due for a refresh and kept on, lists whose groups were counted again in place of a refresh, and changed
     * customers' lists scored again in the background, since start.
     */
    public Statistics statistics() {
        return new Statistics(hits.sum(), misses.sum(), staleMisses.sum(), refreshes.sum(), renewals.sum(),
                regroupings.sum(), regroupedUnchanged.sum(), rescored.sum());
    }

    @PreDestroy
    void report() {
        if (lists != null) {
            refresher.shutdownNow();
            if (rescorer != null) {
                rescorer.shutdownNow();
            }
            Statistics s = statistics();
            LOG.info("served-list cache: {} lists served again, {} scored ({} hit rate; {} of them in place of a kept "
                    + "list its customer's change, or a model's, had made stale), {} refreshed in the "
                    + "background, {} kept on unchanged, {} regrouped (other customers' interactions; {} of them with "
                    + "no group changed), {} scored again in the background after the customer changed",
                    s.hits(), s.misses(), String.format(java.util.Locale.ROOT, "%.1f%%", 100 * s.hitRate()),
                    s.staleMisses(),
                    s.refreshes(), s.renewals(), s.regroupings(), s.regroupedUnchanged(), s.rescored());
        }
    }

    /**
     * Hits, misses (of which stale: a kept list was there, but its customer, or everyone, had changed since), background
     * refreshes, renewals, regroupings (of which unchanged: no group had changed, so the kept list stayed as it was),
     * and changed customers' lists scored in the background.
     */
    public record Statistics(long hits, long misses, long staleMisses, long refreshes, long renewals, long regroupings,
            long regroupedUnchanged, long rescored) {
        public double hitRate() {
            long all = hits + misses;
            return all == 0 ? 0.0 : (double) hits / all;
        }
    }

    private record Key(String customerId, int topK, int maxReasons, Map<String, Object> rules) {
    }

    /**
     * A kept list, with the validity's position read before it was scored. Two kept lists are never equal (their
     * {@code refreshing} flags compare by identity), so a refresh replaces exactly the list it refreshed.
     */
    private record Kept(List<Object> token, List<Scored> items, Inputs inputs, long position, long scoredAt,
            AtomicBoolean refreshing) {
        Kept(List<Object> token, List<Scored> items, Inputs inputs, long position, long scoredAt) {
            this(token, items, inputs, position, scoredAt, new AtomicBoolean());
        }

        /** The same list, as if scored at the given position and time. */
        Kept renewed(long position, long scoredAt) {
            return new Kept(token, items, inputs, position, scoredAt);
        }

        int weight() {
            return items.stream().mapToInt(s -> 1 + s.reasons().size()).sum();
        }
    }
}
