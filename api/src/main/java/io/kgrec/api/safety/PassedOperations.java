package io.kgrec.api.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Operations that already passed the depth and complexity limits, so that a document a frontend sends on every page
 * view is not normalized and measured on every request (the limits' walks were 6% of what a recommendations page
 * allocated when graphql-java's instrumentations did them). A pass
 * holds for the same operation (the same parsed document, which the parsed-document cache hands out again) with the
 * same values of the variables the limits can read: those in a {@code first} argument, which multiplies a list's
 * cost, and those in a directive, such as {@code @include(if: $all)}, which decide what is counted at all. Only passes
 * are kept; an operation over a limit is measured, and refused, every time.
 */
final class PassedOperations {
    static final String FIRST = "first";
    /** Frontends send a handful of documents; the bound keeps a client sending many from holding them all. */
    private static final int CAPACITY = 1_000;

    /** Graphql-java's nodes do not override equals, so documents and operations are told apart by identity. */
    private final Cache<Document, Set<String>> limitVariables = Caffeine.newBuilder().weakKeys().build();
    /** Each pass with its cost, which the credential's budget is charged on every run. */
    private final Cache<Pass, Integer> passes = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    private record Pass(OperationDefinition operation, Map<String, Object> values) {
    }

    /** The cost of an operation that passed, or null when it has not (yet). */
    Integer cost(Document document, OperationDefinition operation, Map<String, Object> variables) {
        return passes.getIfPresent(pass(document, operation, variables));
    }

    void remember(Document document, OperationDefinition operation, Map<String, Object> variables, int cost) {
        passes.put(pass(document, operation, variables), cost);
    }

    private Pass pass(Document document, OperationDefinition operation, Map<String, Object> variables) {
        Map<String, Object> values = new HashMap<>();
        for (String name : limitVariables.get(document, PassedOperations::variablesTheLimitsRead)) {
            values.put(name, variables.get(name));
        }
        return new Pass(operation, values);
    }

    /** The variables in {@code first} arguments and in directives, anywhere in the document, fragments included. */
    static Set<String> variablesTheLimitsRead(Document document) {
        Set<String> names = new HashSet<>();
        collect(document, false, names);
        return Set.copyOf(names);
    }

    private static void collect(Node<?> node, boolean read, Set<String> names) {
        if (read && node instanceof VariableReference variable) {
            names.add(variable.getName());
        }
        for (Node<?> child : node.getChildren()) {
            boolean childRead = read
                    || node instanceof Directive
                    || node instanceof Field && child instanceof Argument argument && FIRST.equals(argument.getName());
            collect(child, childRead, names);
        }
    }
}
