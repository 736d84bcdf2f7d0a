package io.kgrec.api.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A budget of query cost per credential: a token bucket that holds a minute's units and refills them evenly over the
 * minute. A credential scoped to one customer (a shopper's browser) gets the smaller budget; one that serves every
 * customer (a shop's frontend server, an analyst) the larger, which is most of what the service can do. An operation is charged its complexity (the same figure the complexity limit reads) before it runs;
 * one the budget cannot pay is refused with the seconds until it could be. One credential sending many cheap
 * documents, or a few expensive ones, cannot take the service from everyone else.
 */
final class CostBudgets {
    /** Who pays: the credential's name, and whether it is scoped to one customer. */
    record Payer(String credential, boolean scoped) {
    }

    private final long scopedPerMinute;
    private final long perMinute;
    /** Idle credentials' buckets are forgotten: a forgotten bucket is a full one, which is what it would be by then. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5)).maximumSize(100_000).build();

    CostBudgets(long scopedPerMinute, long perMinute) {
        if (scopedPerMinute < 1 || perMinute < 1) {
            throw new IllegalArgumentException("kgrec.graphql.cost-per-minute and scoped-cost-per-minute must be at "
                    + "least 1, not " + perMinute + " and " + scopedPerMinute);
        }
        this.scopedPerMinute = scopedPerMinute;
        this.perMinute = perMinute;
    }

    /** @return 0 when the payer may run an operation of this cost now, else the seconds until it may */
    long charge(Payer payer, int cost) {
        long budget = payer.scoped() ? scopedPerMinute : perMinute;
        if (cost > budget) {
            return Long.MAX_VALUE; // no amount of waiting pays for it
        }
        Bucket bucket = buckets.get(payer.credential(), c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(budget).refillGreedy(budget, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }
}
