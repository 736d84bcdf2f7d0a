package io.kgrec.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kgrec.api.read.TransactionReading.Touched;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * The validity of kept lists with the embedded database, told by the database itself: every committed transaction,
 * whoever wrote it (this application, the loader or an analyst over Bolt), is seen here, so a kept list is checked
 * against memory instead of a query. A customer's token changes when a transaction changes the customer's node or any
 * of its relationships other than impressions ({@code SHOWN}); every token changes when a transaction touches a
 * {@code :Model} node (a new model, an erasure). When a change cannot be attributed, every token changes.
 *
 * <p>Each commit also gets the next number of one sequence, and the numbers of the last catalogue change, of the last
 * interaction, and of the last interaction with each item are kept ({@link TransactionReading} says what is which), so
 * that a list can tell whether anything it shows changed since it was scored ({@link #changedSince}).
 *
 * <p>A customer's or an item's change is remembered for twice the lists' time to live, then forgotten: by then every
 * list kept before it has expired (or been checked, which is done within the time to live), and a list kept after it
 * carries the change's number, which no longer matches, so it is scored once more. Memory is bounded by the customers
 * and items changed within that window.
 */
final class CommittedChanges implements TransactionEventListener<Touched>, ServedListCache.Validity {
    /** Guards the sequence with the numbers it hands out, so a position never runs ahead of the changes it covers. */
    private final Object applying = new Object();
    private long sequence;
    private volatile long everyone;
    private volatile long catalogue;
    private volatile long interactions;
    private final Cache<String, Long> customers;
    private final Cache<String, Long> items;
    private volatile Consumer<Set<String>> customerListener = customers -> { };

    CommittedChanges(Duration timeToLive) {
        this.customers = Caffeine.newBuilder().expireAfterWrite(timeToLive.multipliedBy(2)).build();
        this.items = Caffeine.newBuilder().expireAfterWrite(timeToLive.multipliedBy(2)).build();
    }

    @Override
    public List<Object> token(String customerId) {
        Long changed = customers.getIfPresent(customerId);
        return List.of(everyone, changed == null ? 0L : changed);
    }

    @Override
    public long position() {
        synchronized (applying) {
            return sequence;
        }
    }

    @Override
    public boolean changedSince(long position, ServedListCache.Inputs inputs) {
        if (everyone > position || catalogue > position) {
            return true;
        }
        if (inputs.everyInteraction()) {
            return interactions > position;
        }
        for (String item : inputs.items()) {
            Long changed = items.getIfPresent(item);
            if (changed != null && changed > position) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean onlyInteractionsSince(long position) {
        return everyone <= position && catalogue <= position;
    }

    @Override
    public void onCustomerChanges(Consumer<Set<String>> listener) {
        this.customerListener = listener;
    }

    @Override
    public Touched beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        try {
            return new TransactionReading(data).touched();
        } catch (RuntimeException e) {
            // Not attributable (an entity this transaction deleted, say): better to rescore every list once.
            return Touched.EVERYONE;
        }
    }

    @Override
    public void afterCommit(TransactionData data, Touched touched, GraphDatabaseService database) {
        if (touched == null) {
            return;
        }
        synchronized (applying) {
            long number = ++sequence;
            if (touched.everyone()) {
                everyone = number;
                return;
            }
            for (String id : touched.customers()) {
                customers.put(id, number);
            }
            for (String id : touched.items()) {
                items.put(id, number);
            }
            if (!touched.items().isEmpty()) {
                interactions = number;
            }
            if (touched.catalogue()) {
                catalogue = number;
            }
        }
        if (!touched.everyone() && !touched.customers().isEmpty()) {
            customerListener.accept(touched.customers());
        }
    }

    @Override
    public void afterRollback(TransactionData data, Touched touched, GraphDatabaseService database) {
        // nothing was changed
    }
}
