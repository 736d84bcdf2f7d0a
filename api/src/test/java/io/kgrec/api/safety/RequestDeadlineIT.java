package io.kgrec.api.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.error.ErrorCode;
import io.kgrec.api.graph.TransientFailures;
import io.kgrec.api.read.Graph;
import io.kgrec.api.testing.LoadedApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request's time limit reaches into the database: a read that would run for minutes is stopped by Neo4j when the
 * request's time is up, and a read that starts after it is not started at all.
 */
class RequestDeadlineIT extends LoadedApplication {
    /** Counts to two billion: minutes of work in the database, unless something stops it. */
    private static final String ENDLESS = "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n";

    @Autowired
    private Graph reads;

    @Test
    void a_slow_read_is_stopped_in_the_database_when_the_request_time_is_up() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();

        new RequestDeadline(Duration.ofSeconds(1)).doFilter(graphqlRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    try {
                        reads.readRows(ENDLESS, Map.of(), row -> row);
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(failure.get()).as("the read was stopped").isNotNull();
        assertThat(TransientFailures.isTimeout(failure.get())).as("%s", failure.get()).isTrue();
        assertThat(runningQueries()).as("nothing of it still runs").noneMatch(q -> q.contains("2000000000"));
    }

    @Test
    void no_read_starts_once_the_request_time_is_spent() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();

        new RequestDeadline(Duration.ofMillis(1)).doFilter(graphqlRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    waitPast(Duration.ofMillis(5));
                    try {
                        reads.readRows("RETURN 1 AS one", Map.of(), row -> row);
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                });

        assertThatThrownBy(() -> {
            throw failure.get();
        }).isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).code())
                .isEqualTo(ErrorCode.TIMEOUT)).hasMessageContaining("ran out");
    }

    private List<String> runningQueries() {
        return graph.driver().executableQuery("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
                .execute().records().stream().map(r -> r.get("currentQuery").asString("")).toList();
    }

    private static MockHttpServletRequest graphqlRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setRequestURI("/graphql");
        return request;
    }

    private static void waitPast(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
