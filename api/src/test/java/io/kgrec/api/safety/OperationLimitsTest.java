package io.kgrec.api.safety;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The limits on the product's own schema, without a server: no resolver runs, so a document the limits let through
 * comes back with null-value errors only, and one they refuse comes back with the refusal alone.
 */
class OperationLimitsTest {
    private static final GraphQLSchema SCHEMA = schema();
    private static final String PAGE = "edges { node { item { id } reasons { sentence } } }";

    @Test
    void twenty_aliased_pages_of_a_hundred_are_refused_written_inline_or_through_a_fragment() {
        String inline = twentyPages("{ " + PAGE + " }", "");
        String fragment = twentyPages("{ ...Page }", "fragment Page on RecommendationConnection { " + PAGE + " }");
        String nested = twentyPages("{ ...Page }", "fragment Page on RecommendationConnection { edges { ...Edge } } "
                + "fragment Edge on RecommendationEdge { node { item { id } reasons { sentence } } }");

        assertThat(complexity(fragment)).isEqualTo(complexity(inline)).isEqualTo(complexity(nested))
                .isGreaterThan(QueryLimits.MAX_COMPLEXITY);
        assertThat(refusal(inline)).contains("complexity");
        assertThat(refusal(fragment)).contains("complexity");
        assertThat(refusal(nested)).contains("complexity");
    }

    @Test
    void the_frontends_page_of_ten_passes_and_costs_one_per_field_times_first() {
        String page = "{ recommendations(customerId: \"19\", first: 10) { " + PAGE + " } }";

        // recommendations and its resolver + 10 × (edges + node + item + id + reasons + sentence) = 1 + 50 + 10 × 6.
        assertThat(complexity(page)).isEqualTo(111);
        assertThat(refusal(page)).isNull();
    }

    @Test
    void a_list_without_first_is_charged_for_its_default_size() {
        // similarItems' `first` defaults to 10 in the schema.
        assertThat(complexity("{ similarItems(itemId: \"1\") { rank item { id } } }")).isEqualTo(1 + 25 + 10 * 3);
    }

    @Test
    void fields_a_directive_leaves_out_are_not_charged() {
        String page = "query P($all: Boolean!) { recommendations(customerId: \"19\", first: 100) { "
                + "edges { node { item { id } reasons @include(if: $all) { sentence } } } } }";

        assertThat(complexity(page, true)).isEqualTo(1 + 50 + 100 * 6);
        assertThat(complexity(page, false)).isEqualTo(1 + 50 + 100 * 4);
    }

    @Test
    void a_fragment_that_spreads_fragments_many_times_over_is_refused_before_it_is_expanded_in_full() {
        // Each fragment selects the next level ten times under ten aliases: 10^4 `id` fields once expanded, in a
        // document of a few hundred bytes. Every fragment is used, so the document is valid.
        String bomb = "{ recommendations(customerId: \"19\", first: 1) { ...Connection } } "
                + tenTimes("Connection", "RecommendationConnection", "edges { ...Edge }")
                + tenTimes("Edge", "RecommendationEdge", "node { ...Recommendation }")
                + tenTimes("Recommendation", "Recommendation", "reasons { ...Reason }")
                + tenTimes("Reason", "Reason", "nodes { id }");

        assertThat(refusal(bomb)).contains("field count");
    }

    @Test
    void eight_hundred_aliases_of_a_cheap_looking_recommendations_are_refused_for_their_resolvers() {
        String aliases = IntStream.range(0, 800).mapToObj(i -> "a" + i + ": recommendations(customerId: \"19\") "
                + "{ listId }").collect(Collectors.joining(" ", "{ ", " }"));

        // each: the field, its resolver, and listId charged for the default first of 10
        assertThat(complexity(aliases)).isEqualTo(800 * (1 + 50 + 10 * 1));
        assertThat(refusal(aliases)).contains("complexity");
    }

    @Test
    void a_credential_that_spent_its_budget_is_refused_with_the_seconds_to_wait() {
        String page = "{ recommendations(customerId: \"19\", first: 10) { " + PAGE + " } }";
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(new OperationLimits(QueryLimits.MAX_DEPTH,
                QueryLimits.MAX_COMPLEXITY, new CostBudgets(250, 250), () -> new CostBudgets.Payer("one-credential", true))).build();

        assertThat(refusals(graphQl, page)).as("first page: 111 of 250").isEmpty();
        assertThat(refusals(graphQl, page)).as("second page: 222 of 250").isEmpty();
        List<GraphQLError> third = refusals(graphQl, page);

        assertThat(third).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).contains("budget");
            assertThat(e.getExtensions()).containsEntry("code", "RATE_LIMITED").containsKey("retryAfterSeconds");
        });
        GraphQL other = GraphQL.newGraphQL(SCHEMA).instrumentation(new OperationLimits(QueryLimits.MAX_DEPTH,
                QueryLimits.MAX_COMPLEXITY, new CostBudgets(250, 250), () -> new CostBudgets.Payer("another-credential", true))).build();
        assertThat(refusals(other, page)).as("another credential's budget is its own").isEmpty();
    }

    @Test
    void a_credential_for_every_customer_has_the_larger_budget() {
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(new OperationLimits(QueryLimits.MAX_DEPTH,
                QueryLimits.MAX_COMPLEXITY, new CostBudgets(111, 1_000), () -> new CostBudgets.Payer("shop", false)))
                .build();

        for (int page = 0; page < 9; page++) {
            assertThat(refusals(graphQl, pageOf(page))).as("page %d of 9 within 1,000", page).isEmpty();
        }
        assertThat(refusals(graphQl, pageOf(9))).as("the tenth page is over it").hasSize(1);
    }

    @Test
    void an_operation_dearer_than_a_whole_minute_of_budget_says_so_and_is_not_retryable() {
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(new OperationLimits(QueryLimits.MAX_DEPTH,
                QueryLimits.MAX_COMPLEXITY, new CostBudgets(100, 100), () -> new CostBudgets.Payer("small", true)))
                .build();

        assertThat(refusals(graphQl, pageOf(1))).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).contains("more than this credential's budget for a whole minute");
            assertThat(e.getExtensions()).containsEntry("retryable", false).doesNotContainKey("retryAfterSeconds");
        });
    }

    private static String pageOf(int n) {
        return "{ recommendations(customerId: \"" + n + "\", first: 10) { " + PAGE + " } }";
    }

    /** The budget's refusals; the schema has no resolvers, so everything let through fails for its null data. */
    private static List<GraphQLError> refusals(GraphQL graphQl, String text) {
        return graphQl.execute(text).getErrors().stream()
                .filter(e -> e.getExtensions() != null && "RATE_LIMITED".equals(e.getExtensions().get("code")))
                .toList();
    }

    @Test
    void deep_nesting_is_refused_for_its_depth() {
        // The product's own types nest seven deep at most; introspection's `ofType` nests as deep as it is asked to.
        String deep = "{ __type(name: \"Item\") { " + "ofType { ".repeat(14) + "name" + " }".repeat(14) + " } }";

        assertThat(refusal(deep)).contains("depth");
    }

    private static String tenTimes(String name, String type, String selection) {
        return IntStream.range(0, 10).mapToObj(i -> "a" + i + ": " + selection)
                .collect(Collectors.joining(" ", "fragment " + name + " on " + type + " { ", " } "));
    }

    private static String twentyPages(String selection, String fragments) {
        return IntStream.range(0, 20)
                .mapToObj(i -> "p" + i + ": recommendations(customerId: \"19\", first: 100) " + selection)
                .collect(Collectors.joining(" ", "{ ", " } " + fragments));
    }

    private static int complexity(String text) {
        return complexity(text, true);
    }

    private static int complexity(String text, boolean all) {
        Document document = Parser.parse(text);
        return OperationLimits.complexity(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                SCHEMA, document, null, CoercedVariables.of(java.util.Map.of("all", all))));
    }

    /** The message of the limits' refusal, or null when the operation was let through to its (absent) resolvers. */
    private static String refusal(String text) {
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA)
                .instrumentation(new OperationLimits(QueryLimits.MAX_DEPTH, QueryLimits.MAX_COMPLEXITY,
                        new CostBudgets(Long.MAX_VALUE, Long.MAX_VALUE), () -> null)).build();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(text).build());
        List<String> refusals = result.getErrors().stream().map(GraphQLError::getMessage)
                .filter(m -> m.startsWith("Maximum")).toList();
        assertThat(result.getErrors()).as("validation errors mean the test document is wrong")
                .noneMatch(e -> e.getErrorType().toString().equals("ValidationError"));
        return refusals.isEmpty() ? null : refusals.get(0).toLowerCase();
    }

    private static GraphQLSchema schema() {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/graphql"))) {
            for (Path file : files.sorted().toList()) {
                types.merge(new SchemaParser().parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }
}
