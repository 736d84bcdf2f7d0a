package io.kgrec.api.safety;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

class RequestTimeoutTest {
    private static final WebGraphQlRequest REQUEST = new WebGraphQlRequest(URI.create("http://localhost/graphql"),
            new HttpHeaders(), new LinkedMultiValueMap<>(), Map.of(), Map.of("query", "{ __typename }"), "1",
            Locale.ROOT);

    @Test
    void a_request_past_its_limit_is_answered_with_a_coded_error() {
        WebGraphQlResponse answer = new RequestTimeout(Duration.ofMillis(50))
                .intercept(REQUEST, request -> Mono.never())
                .block(Duration.ofSeconds(10));

        assertThat(answer).isNotNull();
        assertThat(answer.isValid()).isFalse();
        assertThat(answer.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).isEqualTo("the request did not finish within 50 ms and was stopped");
            assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT");
        });
    }

    @Test
    void a_request_within_its_limit_gets_its_own_answer() {
        WebGraphQlResponse own = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(REQUEST.toExecutionInput(),
                ExecutionResult.newExecutionResult().data(Map.of("__typename", "Query")).build()));

        WebGraphQlResponse answer = new RequestTimeout(Duration.ofSeconds(10))
                .intercept(REQUEST, request -> Mono.just(own))
                .block(Duration.ofSeconds(10));

        assertThat(answer).isSameAs(own);
        assertThat(answer.getErrors()).extracting(ResponseError::getMessage).isEmpty();
    }
}
