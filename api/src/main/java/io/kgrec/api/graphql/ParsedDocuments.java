package io.kgrec.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the parsed and validated form of the GraphQL documents seen most recently, keyed by their text. A frontend sends
 * the same few documents with different variables, and parsing plus validating one of the size of a recommendation
 * page took about 6 % of the server's CPU per request under load (benchmarks.md, "Serving under load"). Only the text is cached:
 * the depth and complexity limits depend on the variables (a list's {@code first}) and are checked at every execution.
 * The cache is bounded, so a client sending endless distinct documents evicts entries, never grows memory.
 */
@Configuration
public class ParsedDocuments implements PreparsedDocumentProvider {
    static final int CAPACITY = 500;

    private final Map<String, PreparsedDocumentEntry> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                    return size() > CAPACITY;
                }
            });

    @Bean
    GraphQlSourceBuilderCustomizer cacheParsedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = recent.get(input.getQuery());
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            recent.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
