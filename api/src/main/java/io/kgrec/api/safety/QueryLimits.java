package io.kgrec.api.safety;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

    /**
     * One instrumentation, not two: with more than one, graphql-java chains them and calls the chain for every field
     * of every answer, which cost about 5% of a served page's CPU although both limits act once per operation.
     */
    @Bean
    Instrumentation limits() {
        return new OperationLimits(new MaxQueryDepthInstrumentation(MAX_DEPTH),
                new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, listAware()));
    }

    /** Depth, then complexity, checked before an operation first runs with its values; nothing per field. */
    static final class OperationLimits extends SimplePerformantInstrumentation {
        private final MaxQueryDepthInstrumentation depth;
        private final MaxQueryComplexityInstrumentation complexity;
        private final PassedOperations passed = new PassedOperations();

        OperationLimits(MaxQueryDepthInstrumentation depth, MaxQueryComplexityInstrumentation complexity) {
            this.depth = depth;
            this.complexity = complexity;
        }

        @Override
        public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters p) {
            return complexity.createStateAsync(p);
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters p,
                InstrumentationState state) {
            return complexity.beginValidation(p, state);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters p,
                InstrumentationState state) {
            ExecutionContext execution = p.getExecutionContext();
            Document document = execution.getDocument();
            OperationDefinition operation = execution.getOperationDefinition();
            Map<String, Object> variables = execution.getCoercedVariables().toMap();
            if (passed.passed(document, operation, variables)) {
                return SimpleInstrumentationContext.noOp();
            }
            depth.beginExecuteOperation(p, null);
            InstrumentationContext<ExecutionResult> context = complexity.beginExecuteOperation(p, state);
            passed.remember(document, operation, variables); // not reached when a limit refused it
            return context;
        }
    }

    static FieldComplexityCalculator listAware() {
        return (env, childComplexity) -> {
            Object first = env.getArguments().get(PassedOperations.FIRST);
            int multiplier = first instanceof Number n ? Math.max(1, n.intValue()) : 1;
            // A negative or absurd `first` is rejected by the resolver; cap it here so the product cannot overflow.
            return 1 + childComplexity * Math.min(multiplier, 10_000);
        };
    }
}
