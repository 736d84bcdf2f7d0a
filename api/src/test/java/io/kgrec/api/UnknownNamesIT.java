package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names the graph does not know, in filters and groupings, are refused as BAD_REQUEST with the known names listed,
 * never answered with an empty list.
 */
class UnknownNamesIT extends LoadedApplication {
    private static final String RECOMMEND = """
            query ($customer: ID!, $filter: RecommendationFilter) {
              recommendations(customerId: $customer, first: 5, filter: $filter) { edges { node { item { id } } } }
            }
            """;
    private static final String AUDIENCE = """
            query ($item: ID, $filter: AudienceFilter) {
              audience(itemId: $item, first: 5, filter: $filter) { edges { node { customerId } } }
            }
            """;

    private GraphQlClient.Response recommend(Map<String, Object> filter) {
        return client(ANALYST).post(RECOMMEND, Map.of("customer", OWN_CUSTOMER, "filter", filter));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "includeAttributes | department:NOPE | unknown department 'department:NOPE' in includeAttributes; "
                    + "known: department:",
            "excludeAttributes | colour:red | unknown attribute type 'colour' in excludeAttributes ('colour:red'); "
                    + "known: brand, department",
            "includeAttributes | PRODUCE | unknown attribute 'PRODUCE' in includeAttributes: no item has this id, "
                    + "and an attribute is written <type>:<value> (did you mean department:PRODUCE?); known types: "})
    void refuses_attribute_filters_the_graph_does_not_know(String key, String value, String message) {
        GraphQlClient.Response r = recommend(Map.of(key, List.of(value)));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains(message).doesNotContain("ClientException");
    }

    @Test
    void lists_at_most_twenty_known_values_and_counts_the_rest() {
        long brands = count("MATCH (e:Entity {type: 'product_category'}) RETURN count(e)", Map.of());
        assertThat(brands).as("the fixture needs more than 20 product categories").isGreaterThan(20);

        GraphQlClient.Response r = recommend(Map.of("includeAttributes", List.of("product_category:NOPE")));

        assertThat(r.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("… " + (brands - 20) + " more");
    }

    @Test
    void refuses_a_range_over_a_property_no_item_has_as_a_number() {
        GraphQlClient.Response r = recommend(Map.of("range", Map.of("property", "price", "min", 1)));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("unknown numeric item property 'price' in range; known: ");
    }

    @Test
    void known_attribute_filters_still_answer() {
        GraphQlClient.Response r = recommend(Map.of("includeAttributes", List.of("department:PRODUCE")));

        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        assertThat((List<?>) r.data("recommendations", "edges")).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "income_desc | 50-74K | unknown customer attribute 'income_desc' in customerFilter; known: | household_comp",
            "income | 1M+ | unknown value of customer attribute income '1M+' in customerFilter; known: | 50-74K"})
    void refuses_audience_filters_on_attributes_or_values_no_customer_has(String attribute, String value,
            String message, String known) {
        String item = graph.driver().executableQuery("MATCH (i:Item)<-[:PURCHASED]-() RETURN i.id AS id LIMIT 1")
                .execute().records().get(0).get("id").asString();

        GraphQlClient.Response r = client(ANALYST).post(AUDIENCE, Map.of("item", item, "filter",
                Map.of("attributes", List.of(Map.of("key", attribute, "values", List.of(value))))));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains(message).contains(known);
    }

    @Test
    void refuses_an_audit_grouped_by_a_customer_attribute_no_customer_has() {
        GraphQlClient.Response r = client(ANALYST).post("""
                { audit(input: {sample: 5, customerAttributes: ["income_desc"]}) { customers } }
                """, Map.of());

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("unknown customer attribute 'income_desc' in the customer groups; known: ")
                .contains("income");
    }
}
