package io.kgrec.api.safety;

import graphql.execution.instrumentation.Instrumentation;
import io.kgrec.api.security.Access;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on what one GraphQL document may ask for, checked before anything runs. Depth stops deep nesting; complexity
 * charges every field one unit and multiplies a list field's selection by its {@code first}, so an alias bomb of
 * many large lists is refused as a whole.
 */
@Configuration
public class QueryLimits {
    /** The deepest legitimate query (recommendations → edges → node → item → attributes → target → id) is 7. */
    public static final int MAX_DEPTH = 12;
    /** Ten recommendations with everything on them cost about 250; a hundred about 2,500. */
    public static final int MAX_COMPLEXITY = 5_000;

    /** No request may run longer; database transactions have their own, shorter, timeout as well. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /**
     * The longest a feedback write may take, its retries included: well inside the request timeout, so the caller
     * always learns whether it committed. A write still retrying when the request timed out could commit afterwards,
     * and a caller that sent it again would record it twice.
     */
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    RequestTimeout requestTimeout() {
        return new RequestTimeout(REQUEST_TIMEOUT);
    }

    /**
     * One instrumentation for both limits: with more than one, graphql-java chains them and calls the chain for every
     * field of every answer, which cost about 5% of a served page's CPU although both limits act once per operation.
     */
    /**
     * @param scopedCostPerMinute a credential scoped to one customer: 60,000 is about 400 recommendation pages a minute
     * @param costPerMinute       any other credential: 6,000,000 is about 40,000 pages a minute, more than two cores
     *                            serve, so one shop frontend is never limited by it, while a runaway script is
     */
    @Bean
    Instrumentation limits(@Value("${kgrec.graphql.scoped-cost-per-minute:60000}") long scopedCostPerMinute,
            @Value("${kgrec.graphql.cost-per-minute:6000000}") long costPerMinute, Access access) {
        return new OperationLimits(MAX_DEPTH, MAX_COMPLEXITY, new CostBudgets(scopedCostPerMinute, costPerMinute),
                () -> access.currentCaller().map(c -> new CostBudgets.Payer(c.name(), c.customerScope().isPresent()))
                        .orElse(null));
    }
}
