package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ReadinessTest {
    @Test
    void it_refuses_with_503_until_the_start_is_done_and_then_answers_200() {
        Readiness readiness = new Readiness();

        assertThat(readiness.state().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.state().getBody()).containsEntry("ready", false).containsKey("reason");

        readiness.ready();

        assertThat(readiness.state().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.state().getBody()).containsEntry("ready", true);
    }
}
