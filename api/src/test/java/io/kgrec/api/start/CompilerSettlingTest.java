package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompilerSettlingTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();
    private final AtomicLong compiled = new AtomicLong();
    private final CompilerSettling settling = new CompilerSettling(compiled::get, now::get, Duration.ofSeconds(10),
            0.1);

    @Test
    void it_is_not_settled_before_a_whole_window_has_passed_even_without_compilation() {
        now.set(9 * SECOND);
        assertThat(settling.settled()).isFalse();
        now.set(10 * SECOND);
        assertThat(settling.settled()).isTrue();
    }

    @Test
    void busy_compilers_are_not_settled_until_a_window_passes_with_at_most_the_quiet_share() {
        for (int second = 1; second <= 30; second++) {
            now.set(second * SECOND);
            compiled.addAndGet(second <= 20 ? 900 : 50); // C2 busy for 20 s, then a trickle
            boolean settled = settling.settled();
            // at 30 s the last 10 s held 500 ms of compilation: quiet; at 29 s they still held one busy second
            assertThat(settled).as("second %d", second).isEqualTo(second >= 30);
        }
    }

    @Test
    void the_window_slides_so_an_early_burst_does_not_count_forever() {
        now.set(SECOND);
        compiled.set(60_000);
        assertThat(settling.settled()).isFalse();
        now.set(10 * SECOND);
        assertThat(settling.settled()).as("the burst, seen at 1 s, is inside the window from 0 s").isFalse();
        now.set(11 * SECOND);
        assertThat(settling.settled()).as("the window from 1 s holds none of it").isTrue();
    }

    @Test
    void it_refuses_a_window_or_share_that_could_never_tell() {
        assertThatThrownBy(() -> new CompilerSettling(compiled::get, now::get, Duration.ZERO, 0.1))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new CompilerSettling(compiled::get, now::get, Duration.ofSeconds(1), 1.0))
                .hasMessageContaining("quiet share");
    }
}
