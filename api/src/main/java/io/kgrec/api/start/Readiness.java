package io.kgrec.api.start;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ready}: 503 while the service rehearses its statements and pages after a start, 200 once it is warm. A
 * load balancer or orchestrator that routes by it sends no customer to a cold instance; the service answers requests
 * before that too, only slower. Open to anyone: it tells nothing but the state.
 */
@RestController
public class Readiness {
    private volatile boolean ready;

    void ready() {
        ready = true;
    }

    @GetMapping("/ready")
    ResponseEntity<Map<String, Object>> state() {
        return ready ? ResponseEntity.ok(Map.of("ready", true))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("ready", false,
                        "reason", "rehearsing the recommendation and feedback statements and pages after the start"));
    }
}
