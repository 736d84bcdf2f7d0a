package io.kgrec.api.training;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every query of the schema, asked again and again while training runs write a new model: none may fail with
 * INTERNAL. A read that meets data the training rewrote is retried, and one that still cannot be served is
 * UNAVAILABLE, which tells the caller to send it again. The list of queries is checked against the SDL, so a new query
 * cannot be left out.
 */
class QueriesDuringTrainingIT extends LoadedApplication {
    private static final String TARGETS = """
            MATCH (c:Customer)-[:PURCHASED]->(i:Item)
            WITH c, i ORDER BY c.id, i.id LIMIT 1
            MERGE (k:Coupon {upc: 'IT-TRAINING-K'}) MERGE (k)-[:APPLIES_TO]->(i)
            RETURN c.id AS customer, i.id AS item
            """;
    /** At least this many full rounds of every query must overlap a training run for the test to mean anything. */
    private static final int ROUNDS_WHILE_TRAINING = 3;
    private static final int MAX_TRAINING_RUNS = 6;

    @Test
    void no_query_fails_with_internal_while_a_model_trains() throws Exception {
        var row = graph.driver().executableQuery(TARGETS).execute().records().get(0);
        Map<String, String> queries = queries(row.get("customer").asString(), row.get("item").asString());
        assertThat(queries.keySet()).as("every Query field of the SDL is asked").isEqualTo(schemaQueries());

        GraphQlClient admin = client(ADMIN);
        List<String> failures = new ArrayList<>();
        int overlapping = 0;
        int unavailable = 0;
        for (int run = 0; run < MAX_TRAINING_RUNS && overlapping < ROUNDS_WHILE_TRAINING; run++) {
            long seed = 42 + run;
            CompletableFuture<ModelTrainer.Trained> training =
                    CompletableFuture.supplyAsync(() -> new ModelTrainer(graph).train(seed, TrainingWatch.NONE));
            while (!training.isDone()) {
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    GraphQlClient.Response r = admin.post(q.getValue(), Map.of());
                    String code = r.errorCode();
                    if ("UNAVAILABLE".equals(code)) {
                        unavailable++;
                    } else if (r.status() != 200 || code != null) {
                        failures.add(q.getKey() + ": " + r.status() + " " + r.text());
                    }
                }
                if (!training.isDone()) {
                    overlapping++;
                }
            }
            assertThat(training.get().version()).isPositive();
        }
        assertThat(failures).as("errors other than UNAVAILABLE while training (%d UNAVAILABLE)", unavailable)
                .isEmpty();
        assertThat(overlapping).as("rounds of every query that ended while a training run was still writing")
                .isGreaterThanOrEqualTo(ROUNDS_WHILE_TRAINING);
    }

    /** One document per Query field, with arguments the fixture can answer. */
    private static Map<String, String> queries(String customer, String item) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("recommendations", """
                { recommendations(customerId: "%s", first: 5, filter: {excludeAttributes: ["%s"]}) {
                  edges { node { rank score item { id } reasons { contribution sentence } scoreTerms { value } } } } }
                """.formatted(customer, item));
        q.put("explain", """
                { explain(customerId: "%s", itemId: "%s") { score reasons { contribution } scoreTerms { value } } }
                """.formatted(customer, item));
        q.put("similarItems", "{ similarItems(itemId: \"%s\", first: 5) { rank score item { id } } }".formatted(item));
        q.put("customer", """
                { customer(id: "%s") { id profile { segment } interactionCount interactions(first: 5) { edges { node { type } } } } }
                """.formatted(customer));
        q.put("item", "{ item(id: \"%s\") { id name properties { key value } } }".formatted(item));
        q.put("offers", "{ offers(customerId: \"%s\", kind: COUPON, first: 5) { id score } }".formatted(customer));
        q.put("audience", """
                { audience(couponId: "IT-TRAINING-K", first: 5) { edges { node { customerId score } } } }""");
        q.put("audit", "{ audit(input: {sample: 20}) { customers configurations { label } } }");
        q.put("flaggedCustomers", "{ flaggedCustomers(first: 5) { edges { node { customerId } } } }");
        q.put("servedRecommendations", """
                { servedRecommendations(customerId: "%s", first: 5) { edges { node { id modelVersion } } } }
                """.formatted(customer));
        q.put("baselineRecommendations", """
                { baselineRecommendations(customerId: "%s", first: 5) { rank coCustomers } }""".formatted(customer));
        q.put("customers", "{ customers(first: 5) { edges { node { id } } } }");
        q.put("sessionRecommendations", """
                { sessionRecommendations(itemIds: ["%s"], first: 5) { rank score item { id } reasons { sentence } } }
                """.formatted(item));
        q.put("model", "{ model { state servingVersion trainingVersion phase progress estimatedSecondsLeft } }");
        return q;
    }

    private static Set<String> schemaQueries() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource sdl : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            registry.merge(new SchemaParser().parse(sdl.getContentAsString(StandardCharsets.UTF_8)));
        }
        Set<String> fields = new TreeSet<>();
        registry.getType("Query", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()
                .forEach(f -> fields.add(f.getName()));
        registry.objectTypeExtensions().getOrDefault("Query", List.of())
                .forEach(e -> e.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(fields::add));
        return fields;
    }
}
