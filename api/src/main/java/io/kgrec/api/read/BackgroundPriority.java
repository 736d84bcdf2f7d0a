package io.kgrec.api.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers a background thread's CPU priority, so that work nobody waits for (scoring a kept list afresh before it
 * expires) runs on the CPU time the requests leave instead of sharing it with them. Java cannot set a thread's
 * scheduling priority ({@link Thread#setPriority} is ignored on Linux), but Linux schedules each thread as a task of its
 * own, and a process may lower its own threads' priority: the thread finds its task id in {@code /proc/thread-self}
 * and has {@code renice} set that task's nice value. Where that is not possible (not Linux, no {@code renice}), the
 * thread runs at normal priority, as it would have anyway.
 */
final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** The lowest priority: a busy thread at nice 0 gets about 68 times its CPU share. */
    static final int NICE = 19;

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority; returns whether it was lowered. */
    static boolean lowerCurrentThread() {
        try {
            String task = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", task)
                    .redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                LOG.info("{} runs at normal priority: renice said '{}'", Thread.currentThread().getName(), said);
                return false;
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("{} runs at normal priority: {}", Thread.currentThread().getName(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value, where {@code /proc} tells it. */
    static OptionalInt currentThreadNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // after "pid (comm) ", whose comm may hold spaces: state is field 3, nice field 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[19 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
