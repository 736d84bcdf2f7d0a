package io.kgrec.loader.write;

import io.kgrec.model.schema.InteractionType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records what customers do and see while the service runs. An interaction becomes one more event in the
 * contribution of the feedback source ({@link #SOURCE}) to the customer's interaction relationship, written with the
 * loader's own statement, so a later re-load of a file neither loses nor double-counts it, and scoring sees it at
 * once. Each call is one transaction ({@link WriteTransactions}: through the driver, or in-process where the service
 * embeds the database): when it returns, the write is committed and durable.
 *
 * <p>Each interaction also bumps the customer's {@code kgrecFeedbackSequence}, which tells the API's served-list
 * caches, on every instance, that the customer's lists are out of date. Setting it to its own value first takes the
 * customer's write lock and changes nothing, so concurrent events for one customer queue instead of racing to create
 * the same relationship, and an event sent again, which adds nothing, leaves the customer as it was and no list is
 * scored again for it; the bump itself comes with the event's write. The feedback
 * source's node is written only when it registers an interaction type for the first time: a write on every event took
 * its lock, and every customer's feedback queued behind every other's open transaction. The first {@code SET} takes
 * that lock before the second reads the types, so two new types registered at once do not overwrite each other.
 */
public final class FeedbackWriter {
    /** The source key of live feedback among the interaction contributions. */
    public static final String SOURCE = "kgrec-api/feedback";
    /**
     * How many of the latest event ids each interaction relationship remembers. A caller sends an event again within
     * seconds, after a timeout or a lost answer, and one customer seldom does the same thing to one item more than a
     * few times in that while; the ids live on the relationship so that the customer's lock, taken first, makes the
     * check and the write one step. Each is kept as a 64-bit digest, so the list is 64 bytes whatever the ids' length
     * (up to 200 characters). What event ids cost a purchase: benchmarks.md, "Event ids".
     */
    public static final int EVENTS_KEPT = 8;

    private static final String PREPARE = """
            MATCH (i:Item {id: $item})
            MERGE (c:Customer {id: $customer})
            SET c.kgrecFeedbackSequence = coalesce(c.kgrecFeedbackSequence, 0)
            MERGE (s:SourceFile {key: $source})
            WITH c, i, s
            CALL (s) {
              WITH s WHERE s.kind IS NULL OR NOT $type IN coalesce(s.interactionTypes, [])
              SET s.kind = 'feedback'
              SET s.interactionTypes = coalesce(s.interactionTypes, []) + [t IN [$type] WHERE NOT t IN coalesce(s.interactionTypes, [])]
            }
            WITH c, i
            OPTIONAL MATCH (c)-[r]->(i) WHERE type(r) = $type
            WITH r, coalesce(r.sources, []) AS sources
            WITH r, sources, [k IN range(0, size(sources) - 1) WHERE sources[k] = $source] AS at
            RETURN size(at) > 0 AS had,
                   $eventKey <> 0 AND $eventKey IN coalesce(r.feedbackEvents, []) AS repeated,
                   coalesce(r.count, 0) AS totalCount, coalesce(r.raw, 0.0) AS totalRaw,
                   CASE WHEN size(at) = 0 THEN 0.0 WHEN size(sources) = 1 THEN r.raw ELSE r.sourceRaw[at[0]] END AS raw,
                   CASE WHEN size(at) = 0 THEN 0 WHEN size(sources) = 1 THEN r.count ELSE r.sourceCount[at[0]] END AS count
            """;
    private static final String ATTRIBUTE = """
            MATCH (c:Customer {id: $customer})-[r]->(:Item {id: $item}) WHERE type(r) = $type
            SET c.kgrecFeedbackSequence = c.kgrecFeedbackSequence + 1,
                r.lastRecommendationId = CASE $recommendationId WHEN '' THEN r.lastRecommendationId
                                         ELSE $recommendationId END,
                r.feedbackEvents = CASE $eventKey WHEN 0 THEN r.feedbackEvents
                                   ELSE (coalesce(r.feedbackEvents, []) + $eventKey)[-$eventsKept..] END
            RETURN r.count AS count, r.raw AS raw
            """;
    /**
     * One showing of a list. The customer's lock is taken first, as for an interaction, so that two showings of one
     * list at once neither lose a count nor both pass the event-id check; an item listed twice counts once.
     */
    private static final String SHOWN = """
            MERGE (c:Customer {id: $customer})
            SET c.kgrecFeedbackSequence = coalesce(c.kgrecFeedbackSequence, 0)
            WITH c
            UNWIND $items AS itemId
            WITH DISTINCT c, itemId
            MATCH (i:Item {id: itemId})
            MERGE (c)-[s:SHOWN]->(i)
            WITH s, $eventKey <> 0 AND $eventKey IN coalesce(s.shownEvents, []) AS repeated
            CALL (s, repeated) {
              WITH s WHERE NOT repeated
              SET s.count = coalesce(s.count, 0) + 1, s.lastAt = datetime(),
                  s.lastRecommendationId = CASE $recommendationId WHEN '' THEN s.lastRecommendationId
                                           ELSE $recommendationId END,
                  s.shownEvents = CASE $eventKey WHEN 0 THEN s.shownEvents
                                  ELSE (coalesce(s.shownEvents, []) + $eventKey)[-$eventsKept..] END
            }
            RETURN count(s) AS shown, count(CASE WHEN repeated THEN 1 END) AS repeats
            """;

    private final WriteTransactions transactions;

    public FeedbackWriter(WriteTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * What the relationship holds after the event: all sources' totals.
     *
     * @param repeated whether the event's id had been recorded already, so that nothing was added
     */
    public record Recorded(long count, double raw, boolean repeated) {
    }

    /**
     * Adds one event of {@code value} (a quantity, a rating, 1 for a view) to the customer's interaction with the
     * item. A customer not seen before is created; the item must exist.
     *
     * @param recommendationId the recommendation it followed, kept on the relationship for attribution; may be null
     * @return {@code null} when the item does not exist (nothing is written)
     */
    public Recorded interaction(String customerId, String itemId, InteractionType type, double value,
            String recommendationId) {
        return interaction(customerId, itemId, type, value, recommendationId, null);
    }

    /**
     * As {@link #interaction(String, String, InteractionType, double, String)}, once per event id: an event whose id
     * is among the last {@value #EVENTS_KEPT} recorded for the customer, item and type adds nothing and comes back
     * {@link Recorded#repeated() repeated}, with the totals as they are. So a caller may send an event again when it
     * does not know whether the first attempt committed, and a retry after a lost answer does not count it twice.
     *
     * @param eventId the caller's id of this event; null or empty for an event without one (always recorded)
     */
    public Recorded interaction(String customerId, String itemId, InteractionType type, double value,
            String recommendationId, String eventId) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be positive and finite, got " + value);
        }
        long now = Instant.now().getEpochSecond();
        long eventKey = eventKey(eventId);
        return transactions.write(tx -> interaction(tx, customerId, itemId, type, value, recommendationId, eventKey,
                now));
    }

    /** The first 64 bits of the id's SHA-256, never 0 (which stands for "no event id"); 0 for no id. */
    static long eventKey(String eventId) {
        if (eventId == null || eventId.isEmpty()) {
            return 0;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
            long key = ByteBuffer.wrap(digest).getLong();
            return key == 0 ? 1 : key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Recorded interaction(WriteTransactions.Statements tx, String customerId, String itemId,
            InteractionType type, double value, String recommendationId, long eventKey, long now) {
        Map<String, Object> keys = Map.of("customer", customerId, "item", itemId, "type", type.relationshipType(),
                "source", SOURCE, "eventKey", eventKey);
        List<Map<String, Object>> prepared = tx.run(PREPARE, keys);
        if (prepared.isEmpty()) {
            return null;
        }
        Map<String, Object> own = prepared.get(0);
        if ((Boolean) own.get("repeated")) {
            return new Recorded(number(own, "totalCount").longValue(), number(own, "totalRaw").doubleValue(), true);
        }
        Map<String, Object> row = Map.of("customer", customerId, "item", itemId,
                "raw", number(own, "raw").doubleValue() + value, "count", number(own, "count").longValue() + 1,
                "spend", -1.0, "timestamp", now, "remove", false);
        tx.run(InteractionStatements.CONTRIBUTE, Map.of("rows", List.of(row), "type", type.relationshipType(),
                "source", SOURCE, "rating", type.isRating()));
        Map<String, Object> after = tx.run(ATTRIBUTE, Map.of("customer", customerId, "item", itemId,
                "type", type.relationshipType(), "recommendationId",
                recommendationId == null ? "" : recommendationId, "eventKey", eventKey,
                "eventsKept", EVENTS_KEPT)).get(0);
        return new Recorded(number(after, "count").longValue(), number(after, "raw").doubleValue(), false);
    }

    private static Number number(Map<String, Object> row, String column) {
        return (Number) row.get(column);
    }

    /**
     * What a showing counted.
     *
     * @param shown how many of the listed items exist (each counted once)
     * @param repeated whether the showing's event id had been recorded already for them all, so that nothing was added
     */
    public record Shown(long shown, boolean repeated) {
    }

    /** Counts one exposure of each existing item to the customer. */
    public Shown impressions(String customerId, List<String> itemIds, String recommendationId) {
        return impressions(customerId, itemIds, recommendationId, null);
    }

    /**
     * As {@link #impressions(String, List, String)}, once per event id: a showing whose id is among the last
     * {@value #EVENTS_KEPT} recorded on each of its items adds nothing and comes back {@link Shown#repeated() repeated}.
     *
     * @param eventId the caller's id of this showing; null or empty for one without (always counted)
     */
    public Shown impressions(String customerId, List<String> itemIds, String recommendationId, String eventId) {
        long eventKey = eventKey(eventId);
        return transactions.write(tx -> impressions(tx, customerId, itemIds, recommendationId, eventKey));
    }

    private static Shown impressions(WriteTransactions.Statements tx, String customerId, List<String> itemIds,
            String recommendationId, long eventKey) {
        Map<String, Object> row = tx.run(SHOWN, Map.of("customer", customerId, "items", itemIds,
                "recommendationId", recommendationId == null ? "" : recommendationId, "eventKey", eventKey,
                "eventsKept", EVENTS_KEPT)).get(0);
        long shown = number(row, "shown").longValue();
        return new Shown(shown, shown > 0 && number(row, "repeats").longValue() == shown);
    }
}
