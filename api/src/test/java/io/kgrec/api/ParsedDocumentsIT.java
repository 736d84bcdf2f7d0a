package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A document served from the parsed-document cache is still held to the limits that depend on its variables. */
class ParsedDocumentsIT extends LoadedApplication {
    private static final String PAGE = """
            query P($c: ID!, $n: Int) { recommendations(customerId: $c, first: $n) {
              edges { node { item { id } reasons { nodes { id } relationships { type } } } } } }""";

    /** Twenty pages: a `first` of 100 is within the resolver's cap, but all twenty are over the complexity limit. */
    private static final String MANY_PAGES = IntStream.range(0, 20)
            .mapToObj(i -> "p" + i + ": recommendations(customerId: $c, first: $n) { edges { node { item { id } } } }")
            .collect(Collectors.joining("\n", "query S($c: ID!, $n: Int) {\n", "\n}\n"));

    @Test
    void an_operation_over_the_complexity_limit_is_refused_every_time_after_a_smaller_one_passed() {
        GraphQlClient.Response small = client(FRONTEND).post(MANY_PAGES, Map.of("c", OWN_CUSTOMER, "n", 2));
        GraphQlClient.Response tooComplex = client(FRONTEND).post(MANY_PAGES, Map.of("c", OWN_CUSTOMER, "n", 100));
        GraphQlClient.Response tooComplexAgain = client(FRONTEND).post(MANY_PAGES, Map.of("c", OWN_CUSTOMER, "n", 100));

        assertThat(small.json()).as(small.text()).doesNotContainKey("errors");
        assertThat(tooComplex.errorCode()).as("the larger first is refused").isEqualTo("BAD_REQUEST");
        assertThat(tooComplex.text()).containsIgnoringCase("complexity");
        assertThat(tooComplexAgain.text()).isEqualTo(tooComplex.text());
    }

    @Test
    void checks_complexity_and_arguments_again_when_the_same_document_comes_back() {
        GraphQlClient.Response small = client(FRONTEND).post(PAGE, Map.of("c", OWN_CUSTOMER, "n", 3));
        GraphQlClient.Response tooLarge = client(FRONTEND).post(PAGE, Map.of("c", OWN_CUSTOMER, "n", 100_000));
        GraphQlClient.Response smallAgain = client(FRONTEND).post(PAGE, Map.of("c", OWN_CUSTOMER, "n", 3));
        GraphQlClient.Response syntax = client(FRONTEND).post("{ recommendations(", Map.of());
        GraphQlClient.Response syntaxAgain = client(FRONTEND).post("{ recommendations(", Map.of());

        assertThat(small.json()).as(small.text()).doesNotContainKey("errors");
        assertThat(tooLarge.errorCode()).as(tooLarge.text()).isEqualTo("BAD_REQUEST");
        assertThat(smallAgain.text()).isEqualTo(small.text());
        assertThat(syntax.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(syntaxAgain.text()).isEqualTo(syntax.text());
    }
}
