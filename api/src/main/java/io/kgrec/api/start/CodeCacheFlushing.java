package io.kgrec.api.start;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at start when the JVM may throw compiled code away again. Java 17's code cache sweeper discards compiled
 * methods that have not run for a while (later JVMs leave that to the garbage collector, under the same flag). The
 * page rehearsal's burst of compilation makes it sweep often: after a few minutes of nothing but reads the first
 * purchase took 0.6–0.9 s, and 30–50 ms with {@code -XX:-UseCodeCacheFlushing} (benchmarks.md). The service compiles
 * about 60 MB of the 240 MB code cache, so nothing needs flushing.
 */
final class CodeCacheFlushing {
    private static final Logger LOG = LoggerFactory.getLogger(CodeCacheFlushing.class);
    private static final String FLAG = "UseCodeCacheFlushing";

    private CodeCacheFlushing() {
    }

    /** Logs a warning when the running JVM has the flag and has it on. */
    static void warnIfOn() {
        if (isOn(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)).orElse(false)) {
            LOG.warn("the JVM flushes its code cache (-XX:+{}), so code compiled at start may be discarded during a "
                    + "stretch without purchases and the next one waits for it; start the service with "
                    + "-XX:-{} (operations.md)", FLAG, FLAG);
        }
    }

    /** Whether the flag is on; empty when this JVM has no such flag. */
    static Optional<Boolean> isOn(HotSpotDiagnosticMXBean jvm) {
        if (jvm == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Boolean.parseBoolean(jvm.getVMOption(FLAG).getValue()));
        } catch (IllegalArgumentException noSuchFlag) {
            return Optional.empty();
        }
    }
}
