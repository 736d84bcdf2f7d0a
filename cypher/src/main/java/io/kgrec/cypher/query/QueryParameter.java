package io.kgrec.cypher.query;

/**
 * One {@code $parameter} of a library query, as its header documents it.
 *
 * @param name        without the {@code $}
 * @param type        the value's type
 * @param required    whether a caller must give it; otherwise {@code example} is the default
 * @param description what the parameter means
 * @param example     the example value of the header's {@code :param} line, typed
 * @param exampleText that value as the header writes it, a Cypher literal
 */
public record QueryParameter(String name, ParameterType type, boolean required, String description, Object example,
        String exampleText) {

    /**
     * Types a value given on a command line.
     *
     * @throws IllegalArgumentException whose message names this parameter and says what was expected
     */
    public Object parse(String raw) {
        try {
            return type.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + name + ": " + e.getMessage(), e);
        }
    }
}
