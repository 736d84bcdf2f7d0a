package io.kgrec.cypher.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One query of the analysts' library: its file's whole text, which runs as it is, and what its header says.
 *
 * @param name        the file's base name, e.g. {@code top-items-per-segment}
 * @param resource    the classpath resource, e.g. {@code cypher/segments/top-items-per-segment.cypher}
 * @param summary     the header's first line, after the name
 * @param description the header's explanation, paragraphs separated by blank lines
 * @param parameters  in the header's order
 * @param text        the whole file, header included
 */
public record LibraryQuery(String name, String resource, String summary, String description,
        List<QueryParameter> parameters, String text) {

    /**
     * The parameter map to run the query with: the given values typed by the header's types, and the header's example
     * value for every optional parameter not given.
     *
     * @param given values as typed on a command line, by parameter name
     * @throws IllegalArgumentException naming the parameter that is unknown, malformed or required but missing
     */
    public Map<String, Object> bind(Map<String, String> given) {
        Map<String, QueryParameter> byName = parameters.stream()
                .collect(Collectors.toMap(QueryParameter::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter " + key + " for query " + name
                        + "; its parameters are " + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (QueryParameter p : parameters) {
            String raw = given.get(p.name());
            if (raw != null) {
                bound.put(p.name(), p.parse(raw));
            } else if (p.required()) {
                throw new IllegalArgumentException("parameter " + p.name() + " (" + p.type().spelling()
                        + ") is required: " + p.description() + ", e.g. --param " + p.name() + "="
                        + (p.example() instanceof String s ? s : p.exampleText()));
            } else {
                bound.put(p.name(), p.example());
            }
        }
        return bound;
    }
}
