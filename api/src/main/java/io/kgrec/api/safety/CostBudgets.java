package io.kgrec.api.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A budget of query cost per credential: a token bucket that holds {@code perMinute} units and refills them evenly
 * over a minute. An operation is charged its complexity (the same figure the complexity limit reads) before it runs;
 * one the budget cannot pay is refused with the seconds until it could be. One credential sending many cheap
 * documents, or a few expensive ones, cannot take the service from everyone else.
 */
final class CostBudgets {
    private final long perMinute;
    /** Idle credentials' buckets are forgotten: a forgotten bucket is a full one, which is what it would be by then. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5)).maximumSize(100_000).build();

    CostBudgets(long perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("kgrec.graphql.cost-per-minute must be at least 1, not " + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** @return 0 when the credential may run an operation of this cost now, else the seconds until it may */
    long charge(String credential, int cost) {
        if (cost > perMinute) {
            return Long.MAX_VALUE; // no amount of waiting pays for it
        }
        Bucket bucket = buckets.get(credential, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }
}
