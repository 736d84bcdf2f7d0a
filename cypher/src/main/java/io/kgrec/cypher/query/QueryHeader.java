package io.kgrec.cypher.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a library query's header: the leading {@code //} comment lines. The layout, which analysts read in any
 * client and which this class checks, is
 * <pre>
 * // &lt;name&gt;: &lt;one-line summary&gt;
 * //
 * // &lt;description, any number of lines and paragraphs&gt;
 * //
 * // Parameters:
 * //   &lt;name&gt;  &lt;TYPE&gt;  [(required)] &lt;meaning&gt;
 * //
 * // ... any text ...
 * // :param &lt;name&gt; =&gt; &lt;Cypher literal&gt;
 * </pre>
 * Every documented parameter needs a {@code :param} line (the example an analyst pastes into cypher-shell or
 * Browser, and the default of {@code kgrec query}), and the statement below the header must use exactly the
 * documented parameters, so a header cannot drift from its query unnoticed.
 */
final class QueryHeader {
    private static final Pattern TITLE = Pattern.compile("^// ([a-z0-9-]+): (.+)$");
    private static final Pattern PARAMETER = Pattern.compile(
            "^//\\s+(\\w+)\\s+(STRING|INTEGER|FLOAT|BOOLEAN|LIST<STRING>|LIST<INTEGER>|LIST<FLOAT>)\\s+"
                    + "(\\(required\\)\\s+)?(.+)$");
    private static final Pattern PARAM_LINE = Pattern.compile("^// :param (\\w+) => (.+)$");
    private static final Pattern USE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private QueryHeader() {
    }

    /**
     * @param resource the classpath resource, whose base name is the query's name
     * @throws IllegalStateException naming the resource and what is wrong with its header
     */
    static LibraryQuery parse(String resource, String text) {
        try {
            return read(resource, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static LibraryQuery read(String resource, String text) {
        List<String> lines = text.lines().toList();
        int headerEnd = 0;
        while (headerEnd < lines.size() && lines.get(headerEnd).startsWith("//")) {
            headerEnd++;
        }
        List<String> header = lines.subList(0, headerEnd);
        Matcher title = header.isEmpty() ? null : TITLE.matcher(header.get(0));
        if (title == null || !title.matches()) {
            throw new IllegalArgumentException("the first line must be '// <name>: <summary>'");
        }
        String name = title.group(1);
        String expected = resource.substring(resource.lastIndexOf('/') + 1).replaceFirst("\\.cypher$", "");
        if (!name.equals(expected)) {
            throw new IllegalArgumentException("the header names the query " + name + ", the file " + expected);
        }
        int parametersAt = header.indexOf("// Parameters:");
        if (parametersAt < 0) {
            throw new IllegalArgumentException("the header has no '// Parameters:' line");
        }
        String description = paragraphs(header.subList(1, parametersAt));
        Map<String, String> examples = examples(header);
        List<QueryParameter> parameters = new ArrayList<>();
        for (String line : header.subList(parametersAt + 1, header.size())) {
            if (line.isBlank() || line.strip().equals("//")) {
                break;
            }
            Matcher m = PARAMETER.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + line
                        + "' is not '//   <name>  <TYPE>  [(required)] <meaning>'");
            }
            parameters.add(parameter(m, examples));
        }
        Set<String> documented = new LinkedHashSet<>();
        parameters.forEach(p -> documented.add(p.name()));
        if (!documented.containsAll(examples.keySet())) {
            examples.keySet().removeAll(documented);
            throw new IllegalArgumentException(":param lines for undocumented parameters " + examples.keySet());
        }
        Set<String> used = used(lines.subList(headerEnd, lines.size()));
        if (!used.equals(documented)) {
            throw new IllegalArgumentException("the statement uses " + used + " but the header documents "
                    + documented);
        }
        return new LibraryQuery(name, resource, title.group(2).strip(), description, List.copyOf(parameters), text);
    }

    private static QueryParameter parameter(Matcher m, Map<String, String> examples) {
        String name = m.group(1);
        ParameterType type = ParameterType.ofSpelling(m.group(2));
        String exampleText = examples.get(name);
        if (exampleText == null) {
            throw new IllegalArgumentException("parameter " + name + " has no ':param " + name + " => ...' line");
        }
        Object example = CypherLiteral.parse(exampleText);
        if (!type.accepts(example)) {
            throw new IllegalArgumentException("the example " + exampleText + " of " + name + " is not of type "
                    + type.spelling());
        }
        if (type == ParameterType.FLOAT && example instanceof Long l) {
            example = l.doubleValue();
        }
        return new QueryParameter(name, type, m.group(3) != null, m.group(4).strip(), example, exampleText);
    }

    private static Map<String, String> examples(List<String> header) {
        Map<String, String> examples = new LinkedHashMap<>();
        for (String line : header) {
            Matcher m = PARAM_LINE.matcher(line);
            if (m.matches() && examples.put(m.group(1), m.group(2).strip()) != null) {
                throw new IllegalArgumentException("two :param lines for " + m.group(1));
            }
        }
        return examples;
    }

    /** Joins comment lines into paragraphs: lines of one paragraph by spaces, paragraphs by a blank line. */
    private static String paragraphs(List<String> comment) {
        StringBuilder text = new StringBuilder();
        boolean newParagraph = false;
        for (String line : comment) {
            String content = line.substring(2).strip();
            if (content.isEmpty()) {
                newParagraph = text.length() > 0;
                continue;
            }
            if (text.length() > 0) {
                text.append(newParagraph ? "\n\n" : " ");
            }
            text.append(content);
            newParagraph = false;
        }
        return text.toString();
    }

    /** The parameters the statement uses; whole-line comments inside it are skipped. */
    private static Set<String> used(List<String> statement) {
        Set<String> used = new LinkedHashSet<>();
        for (String line : statement) {
            if (line.strip().startsWith("//")) {
                continue;
            }
            Matcher m = USE.matcher(line);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
    }
}
