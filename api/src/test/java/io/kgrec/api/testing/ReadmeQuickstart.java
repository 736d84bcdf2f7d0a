package io.kgrec.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's quick start as the tests read it: its serve command's JVM options, its query and its header. */
public final class ReadmeQuickstart {
    private static final Pattern JVM_OPTIONS = Pattern.compile("&& java ((?:-\\S+ )*)-jar api/target/kgrec.jar serve");
    private static final Pattern QUERY = Pattern.compile("<!-- quickstart-query -->\\s*```graphql\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern HEADERS = Pattern.compile("<!-- quickstart-headers -->\\s*```json\\n(.*?)```",
            Pattern.DOTALL);

    private ReadmeQuickstart() {
    }

    /** The JVM options of the serve command. */
    public static List<String> jvmOptions() {
        return List.of(match(JVM_OPTIONS, "a serve command `... && java <options> -jar api/target/kgrec.jar serve`")
                .trim().split(" +"));
    }

    /** The ```graphql block after {@code <!-- quickstart-query -->}. */
    public static String query() {
        return match(QUERY, "a ```graphql block after <!-- quickstart-query -->");
    }

    /** The ```json block after {@code <!-- quickstart-headers -->}. */
    public static String headersJson() {
        return match(HEADERS, "a ```json block after <!-- quickstart-headers -->");
    }

    private static String match(Pattern pattern, String what) {
        Matcher m = pattern.matcher(readme());
        assertThat(m.find()).as("README.md has " + what).isTrue();
        return m.group(1);
    }

    private static String readme() {
        try {
            return Files.readString(Path.of("..", "README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
