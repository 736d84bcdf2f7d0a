package io.kgrec.api.safety;

import graphql.ExecutionResult;
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
import java.util.Map;

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

    private final int maxDepth;
    private final int maxComplexity;
    private final PassedOperations passed = new PassedOperations();

    OperationLimits(int maxDepth, int maxComplexity) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters p,
            InstrumentationState state) {
        ExecutionContext execution = p.getExecutionContext();
        Map<String, Object> variables = execution.getCoercedVariables().toMap();
        if (passed.passed(execution.getDocument(), execution.getOperationDefinition(), variables)) {
            return SimpleInstrumentationContext.noOp();
        }
        int complexity = complexity(normalize(execution));
        if (complexity > maxComplexity) {
            throw new AbortExecutionException(
                    "Maximum query complexity exceeded. " + complexity + " > " + maxComplexity);
        }
        passed.remember(execution.getDocument(), execution.getOperationDefinition(), variables);
        return SimpleInstrumentationContext.noOp();
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

    /** One per field, and a list field's selection counted once for each of the {@code first} items it may hold. */
    static int complexity(ExecutableNormalizedOperation operation) {
        long total = 0;
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            total = Math.min(Integer.MAX_VALUE, total + cost(field));
        }
        return (int) total;
    }

    private static long cost(ExecutableNormalizedField field) {
        long children = 0;
        for (ExecutableNormalizedField child : field.getChildren()) {
            children = Math.min(Integer.MAX_VALUE, children + cost(child));
        }
        Object first = field.getResolvedArguments().get(PassedOperations.FIRST);
        int multiplier = first instanceof Number n ? Math.max(1, Math.min(n.intValue(), LARGEST_MULTIPLIER)) : 1;
        return Math.min(Integer.MAX_VALUE, 1 + children * multiplier);
    }
}
