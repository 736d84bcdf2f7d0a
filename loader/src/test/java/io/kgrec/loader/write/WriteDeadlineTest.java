package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries within one budget: each attempt gets only the time left, and the budget's end is final. */
class WriteDeadlineTest {
    private static final class Deadlocked extends RuntimeException {
    }

    private final WriteDeadline deadline = new WriteDeadline(Duration.ofMillis(400), e -> e instanceof Deadlocked);

    @Test
    void aFailureWorthRetryingRunsAgainWithLessTimeEachAttempt() {
        List<Duration> given = new ArrayList<>();

        String result = deadline.run(left -> {
            given.add(left);
            if (given.size() < 3) {
                throw new Deadlocked();
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(given).hasSize(3);
        assertThat(given.get(0)).isLessThanOrEqualTo(Duration.ofMillis(400));
        assertThat(given.get(1)).isLessThan(given.get(0));
        assertThat(given.get(2)).isLessThan(given.get(1));
    }

    @Test
    void aFailureNotWorthRetryingIsThrownAtOnce() {
        List<Duration> given = new ArrayList<>();

        assertThatThrownBy(() -> deadline.run(left -> {
            given.add(left);
            throw new IllegalStateException("constraint violated");
        })).isInstanceOf(IllegalStateException.class).hasMessage("constraint violated");
        assertThat(given).hasSize(1);
    }

    @Test
    void whenTheBudgetIsSpentTheWriteGivesUpSayingNothingWasWritten() {
        List<Duration> given = new ArrayList<>();
        long started = System.nanoTime();

        assertThatThrownBy(() -> deadline.run(left -> {
            given.add(left);
            throw new Deadlocked();
        })).isInstanceOf(WriteDeadline.Exceeded.class)
                .hasMessageStartingWith("the write did not commit within 400 ms")
                .hasMessageContaining("nothing was written")
                .hasCauseInstanceOf(Deadlocked.class);

        assertThat(given.size()).isGreaterThan(2);
        // every attempt started with time left, and none was handed more than the budget
        assertThat(given).allSatisfy(left -> assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofMillis(400)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
