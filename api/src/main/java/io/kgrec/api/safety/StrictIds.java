package io.kgrec.api.safety;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The {@code ID} scalar as the GraphQL specification describes it: a string, or an integer given for one. graphql-java
 * turns any variable value into an ID with {@code toString()}, so an object, a list or a boolean sent as an id became
 * a string such as {@code {a=1}} and was looked up as if it were one. Here such a value is refused, and the caller
 * gets BAD_REQUEST naming the variable.
 */
@Component
public class StrictIds implements RuntimeWiringConfigurer {
    private static final Coercing<?, ?> STANDARD = Scalars.GraphQLID.getCoercing();

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder builder) {
        // Strict wiring refuses to redefine a scalar; this one replaces the built-in ID on purpose, then strictness is
        // restored for everything wired after it.
        builder.strictMode(false);
        builder.scalar(GraphQLScalarType.newScalar(Scalars.GraphQLID).coercing(new StrictIdCoercing()).build());
        builder.strictMode(true);
    }

    static final class StrictIdCoercing implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return STANDARD.serialize(result, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            if (input instanceof String s) {
                return s;
            }
            if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                return input.toString();
            }
            throw new CoercingParseValueException("an ID must be a string or an integer, not "
                    + (input == null ? "null" : kind(input)));
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            return STANDARD.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return STANDARD.valueToLiteral(input, context, locale);
        }

        private static String kind(Object input) {
            if (input instanceof java.util.Map) {
                return "an object";
            }
            if (input instanceof java.util.List) {
                return "a list";
            }
            return input instanceof Boolean ? "a boolean" : "a " + input.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
    }
}
