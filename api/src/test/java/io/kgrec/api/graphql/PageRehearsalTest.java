package io.kgrec.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/** What the start log says about a rehearsed page that went wrong. */
class PageRehearsalTest {
    private static final ExecutionInput INPUT = ExecutionInput.newExecutionInput("{ __typename }").build();

    @Test
    void a_page_with_data_and_no_errors_did_not_fail() {
        assertThat(PageRehearsal.failure(response(ExecutionResult.newExecutionResult()
                .data(Map.of("recommendations", Map.of())).build()))).isEmpty();
    }

    @Test
    void a_page_with_errors_failed_with_its_first_error_message() {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("recommendations", Map.of()))
                .addError(GraphqlErrorBuilder.newError().message("no model has been trained yet").build())
                .addError(GraphqlErrorBuilder.newError().message("second").build()).build();

        assertThat(PageRehearsal.failure(response(result))).contains("no model has been trained yet");
    }

    @Test
    void a_page_without_data_or_without_a_response_failed() {
        assertThat(PageRehearsal.failure(response(ExecutionResult.newExecutionResult().build()))).contains("no data");
        assertThat(PageRehearsal.failure(null)).contains("no response");
    }

    private static WebGraphQlResponse response(ExecutionResult result) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(INPUT, result));
    }
}
