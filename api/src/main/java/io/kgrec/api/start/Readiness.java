package io.kgrec.api.start;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ready}: 503 while the service starts and loads its serving model into memory, 200 once it has. A load
 * balancer or orchestrator that routes by it sends no customer to an instance whose first page views would wait for
 * the model to be read from the graph; the service answers requests before that too, only slower. Open to anyone: it
 * tells nothing but the state. Warming the JVM with representative requests is an operations step ({@code kgrec warm}).
 */
@RestController
public class Readiness {
    private volatile boolean ready;

    /** Called once the application has started and the model it found, if any, is in serving memory. */
    public void ready() {
        ready = true;
    }

    @GetMapping("/ready")
    ResponseEntity<Map<String, Object>> state() {
        return ready ? ResponseEntity.ok(Map.of("ready", true))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("ready", false,
                        "reason", "starting and loading the serving model into memory"));
    }
}
