package io.kgrec.api.safety;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import io.kgrec.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Depth and complexity, checked once before an operation first runs with its values, and nothing per field.
 *
 * <p>Both are measured on the operation's normalized form, the fields as they will execute: fragments inlined,
 * fields under a false {@code @include} or a true {@code @skip} dropped, and same-named fields merged. Graphql-java's
 * own complexity instrumentation walks the document instead, and under-counts fields reached through a fragment spread
 * that several aliases share, which let twenty aliased pages of a hundred items through when their selection was a
 * fragment although the same selection written inline was refused.
 */
final class OperationLimits extends SimplePerformantInstrumentation {
    /** A `first` beyond this is refused by the resolvers anyway; the cap keeps the product far from overflow. */
    private static final int LARGEST_MULTIPLIER = 10_000;
    /**
     * What a root field's resolver costs beyond the fields it returns: the database work of scoring, explaining or
     * scanning, which one unit per field does not show. Eight hundred aliases of {@code recommendations} asking only
     * for {@code listId} were 1,600 units and ran for two minutes; at 51 each they are 40,800 and are refused.
     */
    static final Map<String, Integer> RESOLVER_COSTS = Map.ofEntries(
            Map.entry("recommendations", 50), Map.entry("explain", 50), Map.entry("similarItems", 25),
            Map.entry("sessionRecommendations", 50), Map.entry("baselineRecommendations", 50),
            Map.entry("offers", 100), Map.entry("audience", 200), Map.entry("audit", 2_500),
            Map.entry("servedRecommendations", 25), Map.entry("flaggedCustomers", 10), Map.entry("customers", 5),
            Map.entry("customer", 5));

    private final int maxDepth;
    private final int maxComplexity;
    private final CostBudgets budgets;
    private final Supplier<CostBudgets.Payer> payer;
    private final PassedOperations passed = new PassedOperations();

    /**
     * @param payer the caller whose budget pays, or null for a caller without one (then nothing is charged: the
     *              security filter has already refused such a request)
     */
    OperationLimits(int maxDepth, int maxComplexity, CostBudgets budgets, Supplier<CostBudgets.Payer> payer) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
        this.budgets = budgets;
        this.payer = payer;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters p,
            InstrumentationState state) {
        ExecutionContext execution = p.getExecutionContext();
        Map<String, Object> variables = execution.getCoercedVariables().toMap();
        Integer complexity = passed.cost(execution.getDocument(), execution.getOperationDefinition(), variables);
        if (complexity == null) {
            complexity = complexity(normalize(execution));
            if (complexity > maxComplexity) {
                throw new AbortExecutionException(
                        "Maximum query complexity exceeded. " + complexity + " > " + maxComplexity);
            }
            passed.remember(execution.getDocument(), execution.getOperationDefinition(), variables, complexity);
        }
        charge(complexity);
        return SimpleInstrumentationContext.noOp();
    }

    private void charge(int complexity) {
        CostBudgets.Payer caller = payer.get();
        long waitSeconds = caller == null ? 0 : budgets.charge(caller, complexity);
        if (waitSeconds == Long.MAX_VALUE) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("an operation of cost %d is more than this credential's budget for a whole minute",
                            complexity)
                    .extensions(Map.of("code", ErrorCode.RATE_LIMITED.name(), "retryable", false)).build()));
        }
        if (waitSeconds > 0) {
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message("this credential's query budget is spent; an operation of cost %d can run again in %d s",
                            complexity, waitSeconds)
                    .extensions(Map.of("code", ErrorCode.RATE_LIMITED.name(), "retryable", true,
                            "retryAfterSeconds", waitSeconds))
                    .build();
            throw new AbortExecutionException(List.of(error));
        }
    }

    /**
     * Every field costs at least one, so an operation with more fields than the complexity limit is refused while it
     * is being normalized, before a fragment that spreads fragments many times over has been expanded in full.
     */
    private ExecutableNormalizedOperation normalize(ExecutionContext execution) {
        ExecutableNormalizedOperationFactory.Options options = ExecutableNormalizedOperationFactory.Options
                .defaultOptions()
                .graphQLContext(execution.getGraphQLContext())
                .locale(execution.getLocale())
                .maxChildrenDepth(maxDepth)
                .maxFieldsCount(maxComplexity);
        return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(execution.getGraphQLSchema(),
                execution.getOperationDefinition(), execution.getFragmentsByName(), execution.getCoercedVariables(),
                options);
    }

    /**
     * One per field, plus a root field's {@linkplain #RESOLVER_COSTS resolver cost}, and a list field's selection
     * counted once for each of the {@code first} items it may hold.
     */
    static int complexity(ExecutableNormalizedOperation operation) {
        long total = 0;
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            total = Math.min(Integer.MAX_VALUE, total + cost(field));
        }
        return (int) total;
    }

    private static long cost(ExecutableNormalizedField field) {
        long resolver = field.getLevel() == 1 ? RESOLVER_COSTS.getOrDefault(field.getName(), 0) : 0;
        long children = 0;
        for (ExecutableNormalizedField child : field.getChildren()) {
            children = Math.min(Integer.MAX_VALUE, children + cost(child));
        }
        Object first = field.getResolvedArguments().get(PassedOperations.FIRST);
        int multiplier = first instanceof Number n ? Math.max(1, Math.min(n.intValue(), LARGEST_MULTIPLIER)) : 1;
        return Math.min(Integer.MAX_VALUE, 1 + resolver + children * multiplier);
    }
}
