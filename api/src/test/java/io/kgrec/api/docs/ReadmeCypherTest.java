package io.kgrec.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.demo.DemoData;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Every Cypher example in README.md, taken from the README itself, answers with at least one row on the bundled demo
 * data, as a new user would run it over Bolt from the first minute: the demo data loaded, no model trained yet (the
 * untrained path walk answers). Loading the 75,000 demo lines takes about a minute, so this runs in the full profile.
 */
@Tag("full")
class ReadmeCypherTest {
    private static final Pattern CYPHER_BLOCK = Pattern.compile("```cypher\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CYPHER_SHELL = Pattern.compile("cypher-shell\\s+-a\\s+\\S+\\s+\"([^\"]+)\"");

    @TempDir
    static Path temp;
    private static GraphConnection graph;

    @BeforeAll
    static void demoData() {
        graph = GraphConnection.open(GraphSettings.from(Map.<String, String>of()::get)
                .withDataDir(temp.resolve("neo4j")).withBoltPort(0));
        assertThat(DemoData.loadIfEmpty(graph, temp)).isNotNull();
    }

    @AfterAll
    static void close() {
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    void every_readme_cypher_example_returns_rows_on_the_demo_data() throws IOException {
        List<String> examples = examples(Files.readString(Readme.root().resolve("README.md")));
        // The README has two procedure calls in a cypher block and one cypher-shell count.
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);

        for (String example : examples) {
            try (Session session = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                // As cypher-shell runs it: an auto-commit transaction.
                List<Record> rows = session.run(example).list();
                assertThat(rows).as(example).isNotEmpty();
            }
        }
    }

    static List<String> examples(String readme) {
        List<String> statements = new ArrayList<>();
        Matcher block = CYPHER_BLOCK.matcher(readme);
        while (block.find()) {
            for (String statement : block.group(1).split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
        }
        Matcher shell = CYPHER_SHELL.matcher(readme);
        while (shell.find()) {
            statements.add(shell.group(1));
        }
        return statements;
    }
}
