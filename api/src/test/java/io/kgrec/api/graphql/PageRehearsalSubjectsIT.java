package io.kgrec.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whose pages the start rehearsal asks for: spread over the store, not its first customers and items. */
class PageRehearsalSubjectsIT extends LoadedApplication {
    @Autowired
    PageRehearsal rehearsal;

    @Test
    void it_takes_customers_and_items_from_the_whole_store_order() {
        List<String> customers = idsWithInteractions("MATCH (c:Customer) WHERE EXISTS { (c)-->(:Item) } RETURN c.id");
        List<String> items = idsWithInteractions("MATCH (i:Item) WHERE EXISTS { (i)<--(:Customer) } RETURN i.id");
        assertThat(customers).as("the fixture has more customers than the probe asks for").hasSizeGreaterThan(16);

        PageRehearsal.Subjects subjects = rehearsal.subjects(8);

        List<String> chosen = strings(subjects.customers());
        assertThat(chosen).hasSize(8).doesNotHaveDuplicates();
        assertThat(customers).containsAll(chosen);
        assertThat(chosen).as("customers from the second half of the store's order too")
                .containsAnyElementsOf(customers.subList(customers.size() / 2, customers.size()));
        List<String> chosenItems = strings(subjects.items());
        assertThat(chosenItems).hasSize(8).doesNotHaveDuplicates();
        assertThat(chosenItems).containsAnyElementsOf(items.subList(items.size() / 2, items.size()));
    }

    @Test
    void it_takes_every_one_when_the_store_has_fewer_than_asked_for() {
        List<String> customers = idsWithInteractions("MATCH (c:Customer) WHERE EXISTS { (c)-->(:Item) } RETURN c.id");

        assertThat(strings(rehearsal.subjects(customers.size() + 10).customers()))
                .containsExactlyInAnyOrderElementsOf(customers);
    }

    /** In the store's order, as the rehearsal's own MATCH reads it. */
    private List<String> idsWithInteractions(String cypher) {
        return graph.driver().executableQuery(cypher).execute().records().stream().map(r -> r.get(0).asString())
                .toList();
    }

    private static List<String> strings(List<?> ids) {
        return ids.stream().map(String.class::cast).toList();
    }
}
