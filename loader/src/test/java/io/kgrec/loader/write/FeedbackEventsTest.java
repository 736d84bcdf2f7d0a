package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.model.schema.InteractionType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An event sent again with its id is recorded once, however the second attempt comes about. */
class FeedbackEventsTest {
    private static final String PURCHASE = """
            MATCH (:Customer {id: $c})-[r:PURCHASED]->(:Item {id: $i}) RETURN r.count AS count, r.raw AS raw""";
    private static BoltNeo4j neo4j;
    private FeedbackWriter writer;

    @BeforeAll
    static void start() {
        neo4j = BoltNeo4j.startWithSchema();
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void catalog() {
        neo4j.clear();
        neo4j.driver().executableQuery("UNWIND ['A', 'B'] AS id CREATE (:Item {id: id})").execute();
        writer = new FeedbackWriter(WriteTransactions.within(neo4j.driver(), neo4j.database(), Duration.ofSeconds(30)));
    }

    private Map<String, Object> purchase(String customer, String item) {
        return neo4j.driver().executableQuery(PURCHASE).withParameters(Map.of("c", customer, "i", item)).execute()
                .records().get(0).asMap();
    }

    @Test
    void an_event_sent_again_with_its_id_adds_nothing_and_says_so() {
        FeedbackWriter.Recorded first = writer.interaction("c1", "A", InteractionType.PURCHASED, 2, null, "order-1/1");
        FeedbackWriter.Recorded again = writer.interaction("c1", "A", InteractionType.PURCHASED, 2, "rec-9",
                "order-1/1");
        FeedbackWriter.Recorded another = writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null,
                "order-2/1");

        assertThat(first).isEqualTo(new FeedbackWriter.Recorded(1, 2.0, false));
        assertThat(again).isEqualTo(new FeedbackWriter.Recorded(1, 2.0, true));
        assertThat(another).isEqualTo(new FeedbackWriter.Recorded(2, 3.0, false));
        assertThat(purchase("c1", "A")).containsEntry("count", 2L).containsEntry("raw", 3.0);
    }

    @Test
    void an_event_sent_again_leaves_its_customer_unchanged_so_no_list_is_scored_again() {
        writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "order-1/1");
        long before = sequence("c1");

        writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "order-1/1");
        long afterRepeat = sequence("c1");
        writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "order-2/1");

        assertThat(before).isEqualTo(1);
        assertThat(afterRepeat).as("a repeated event is no change of the customer").isEqualTo(before);
        assertThat(sequence("c1")).as("the next new event is").isEqualTo(before + 1);
    }

    private long sequence(String customer) {
        return neo4j.driver().executableQuery("MATCH (c:Customer {id: $c}) RETURN c.kgrecFeedbackSequence AS s")
                .withParameters(Map.of("c", customer)).execute().records().get(0).get("s").asLong();
    }

    @Test
    void a_showing_sent_again_with_its_id_counts_nothing_and_says_so() {
        FeedbackWriter.Shown first = writer.impressions("c1", List.of("A", "B", "A", "no-such-item"), "l:1", "view-1");
        FeedbackWriter.Shown again = writer.impressions("c1", List.of("A", "B"), "l:1", "view-1");
        FeedbackWriter.Shown another = writer.impressions("c1", List.of("A"), "l:2", "view-2");
        FeedbackWriter.Shown withoutId = writer.impressions("c1", List.of("B"), null);
        FeedbackWriter.Shown withoutIdAgain = writer.impressions("c1", List.of("B"), null);

        assertThat(first).as("an item listed twice counts once").isEqualTo(new FeedbackWriter.Shown(2, false));
        assertThat(again).isEqualTo(new FeedbackWriter.Shown(2, true));
        assertThat(another).isEqualTo(new FeedbackWriter.Shown(1, false));
        assertThat(withoutId.repeated()).isFalse();
        assertThat(withoutIdAgain.repeated()).isFalse();
        assertThat(shown("c1", "A")).isEqualTo(2);
        assertThat(shown("c1", "B")).isEqualTo(3);
    }

    @Test
    void a_showing_that_adds_an_item_to_an_earlier_one_is_not_a_repeat() {
        writer.impressions("c1", List.of("A"), null, "view-1");

        FeedbackWriter.Shown wider = writer.impressions("c1", List.of("A", "B"), null, "view-1");

        assertThat(wider).as("B had not been counted for this id").isEqualTo(new FeedbackWriter.Shown(2, false));
        assertThat(shown("c1", "A")).as("A had").isEqualTo(1);
        assertThat(shown("c1", "B")).isEqualTo(1);
    }

    private long shown(String customer, String item) {
        return neo4j.driver().executableQuery("MATCH (:Customer {id: $c})-[s:SHOWN]->(:Item {id: $i}) RETURN s.count")
                .withParameters(Map.of("c", customer, "i", item)).execute().records().get(0).get(0).asLong();
    }

    @Test
    void events_without_an_id_are_each_recorded_and_ids_are_per_customer_and_item() {
        writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null);
        writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "");
        writer.interaction("c1", "B", InteractionType.PURCHASED, 1, null, "same");
        writer.interaction("c2", "B", InteractionType.PURCHASED, 1, null, "same");
        FeedbackWriter.Recorded elsewhere = writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "same");

        assertThat(elsewhere.repeated()).isFalse();
        assertThat(purchase("c1", "A")).containsEntry("count", 3L);
        assertThat(purchase("c1", "B")).containsEntry("count", 1L);
        assertThat(purchase("c2", "B")).containsEntry("count", 1L);
    }

    @Test
    void only_the_latest_event_ids_are_remembered() {
        for (int e = 0; e <= FeedbackWriter.EVENTS_KEPT; e++) {
            writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "e" + e);
        }

        assertThat(writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "e" + FeedbackWriter.EVENTS_KEPT)
                .repeated()).isTrue();
        assertThat(writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "e1").repeated()).isTrue();
        assertThat(writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null, "e0").repeated())
                .as("the oldest of nine was forgotten").isFalse();
        assertThat(purchase("c1", "A")).containsEntry("count", FeedbackWriter.EVENTS_KEPT + 2L);
    }

    @Test
    void a_retry_after_a_commit_whose_answer_was_lost_does_not_count_the_event_twice() {
        // The first attempt commits, then its answer is lost (a broken connection): the caller's transactions run
        // the work again, as a retry on a retryable error does.
        WriteTransactions plain = WriteTransactions.within(neo4j.driver(), neo4j.database(), Duration.ofSeconds(30));
        WriteTransactions lostAnswer = new WriteTransactions() {
            @Override
            public <T> T write(Function<Statements, T> work) {
                plain.write(work);
                return plain.write(work);
            }
        };

        FeedbackWriter.Recorded answer = new FeedbackWriter(lostAnswer)
                .interaction("c1", "A", InteractionType.PURCHASED, 1, null, "order-7/1");

        assertThat(answer).isEqualTo(new FeedbackWriter.Recorded(1, 1.0, true));
        assertThat(purchase("c1", "A")).containsEntry("count", 1L);
    }
}
