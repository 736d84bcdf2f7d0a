package io.kgrec.api.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgrec.api.read.Recommendations.Scored;
import io.kgrec.api.testing.LoadedApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit log's writer runs at the lowest CPU priority, and a request writes a batch itself once the writer has
 * fallen behind by half the queue, so a starved writer never costs served lists.
 */
class AuditLogIT extends LoadedApplication {
    private static ServedList served(String id) {
        Scored item = new Scored(1, "audit-log-it-item", "An item", 1.0, List.of(), List.of(), 0);
        return new ServedList(id, Instant.now(), "audit-log-it", "test", 0, Map.of(), List.of(item));
    }

    private long logged(List<String> ids) {
        return count("MATCH (l:ServedList) WHERE l.id IN $ids RETURN count(l)", Map.of("ids", ids));
    }

    @Test
    void a_request_writes_a_batch_once_the_writer_is_half_a_queue_behind() {
        AuditLog log = new AuditLog(graph, 4, false); // no background writer: it has fallen behind for good
        try {
            log.record(served("audit-log-it-1"));
            assertThat(logged(List.of("audit-log-it-1"))).as("one queued of four: left to the writer").isZero();
            log.record(served("audit-log-it-2"));
            assertThat(logged(List.of("audit-log-it-1", "audit-log-it-2"))).as("written by the second request")
                    .isEqualTo(2);

            log.record(served("audit-log-it-3"));
            assertThat(logged(List.of("audit-log-it-3"))).isZero();
            log.flush();
            assertThat(logged(List.of("audit-log-it-3"))).isEqualTo(1);
        } finally {
            graph.driver().executableQuery("MATCH (l:ServedList {customerId: 'audit-log-it'}) DELETE l").execute();
        }
    }

    @Test
    void the_writer_runs_at_the_lowest_priority() throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/self/task")), "Linux only");
        List<Integer> nices;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            nices = tasks.filter(t -> comm(t).equals("kgrec-audit-log")).map(AuditLogIT::nice).toList();
        }
        assertThat(nices).isNotEmpty().allMatch(n -> n == 19);
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended
        }
    }

    private static int nice(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19 - 3]);
        } catch (IOException e) {
            return Integer.MIN_VALUE;
        }
    }
}
