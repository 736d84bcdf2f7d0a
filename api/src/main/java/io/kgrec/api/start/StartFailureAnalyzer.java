package io.kgrec.api.start;

import io.kgrec.api.graph.BoltPortInUseException;
import java.util.Optional;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Start failures a user can fix, explained by what is wrong and the setting that fixes it: the HTTP or Bolt port is
 * taken, or the start was refused ({@link StartRefused}). Ordered ahead of Spring Boot's own analyzer for the HTTP
 * port, whose advice does not know kgrec's {@code --port}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return analysis(failure).orElse(null);
    }

    /** The analysis of a failure anywhere in the causes, if it is one this class explains. */
    public static Optional<FailureAnalysis> analysis(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException http) {
                return Optional.of(new FailureAnalysis("HTTP port " + http.getPort() + " is already in use",
                        "stop what listens there, or choose another port with kgrec serve --port <port>", t));
            }
            if (t instanceof BoltPortInUseException bolt) {
                return Optional.of(new FailureAnalysis("Bolt address " + bolt.address() + " is already in use",
                        "stop what listens there (another kgrec or Neo4j?), or set KGREC_BOLT_ADDRESS=127.0.0.1:<port>",
                        t));
            }
            if (t instanceof StartRefused refused) {
                return Optional.of(new FailureAnalysis(refused.getMessage(), refused.action(), t));
            }
        }
        return Optional.empty();
    }
}
