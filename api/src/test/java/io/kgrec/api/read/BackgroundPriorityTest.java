package io.kgrec.api.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void lowers_only_the_calling_thread_to_the_lowest_priority() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        OptionalInt before = BackgroundPriority.currentThreadNice();
        assumeTrue(before.isPresent() && before.getAsInt() < BackgroundPriority.NICE, "already at the lowest priority");
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        AtomicReference<OptionalInt> background = new AtomicReference<>();

        Thread thread = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            background.set(BackgroundPriority.currentThreadNice());
        });
        thread.start();
        thread.join();

        assertThat(lowered.get()).isTrue();
        assertThat(background.get()).hasValue(BackgroundPriority.NICE);
        assertThat(BackgroundPriority.currentThreadNice()).isEqualTo(before);
    }
}
