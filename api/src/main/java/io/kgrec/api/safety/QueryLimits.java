package io.kgrec.api.safety;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

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

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout() {
        return new TimeoutWebGraphQlInterceptor(REQUEST_TIMEOUT);
    }

    @Bean
    Instrumentation maxDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    @Bean
    Instrumentation maxComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, listAware());
    }

    static FieldComplexityCalculator listAware() {
        return (env, childComplexity) -> {
            Object first = env.getArguments().get("first");
            int multiplier = first instanceof Number n ? Math.max(1, n.intValue()) : 1;
            // A negative or absurd `first` is rejected by the resolver; cap it here so the product cannot overflow.
            return 1 + childComplexity * Math.min(multiplier, 10_000);
        };
    }
}
