package io.kgrec.api.testing;

import io.kgrec.api.KgrecApplication;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application on a random port with its embedded Neo4j in a temporary folder, loaded once with the small
 * Complete Journey fixture. Every integration test class that extends this shares one application context.
 */
@SpringBootTest(classes = KgrecApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Background rescoring after customers' changes is off: tests count the transactions requests cost.
        properties = {"kgrec.demo.enabled=false", "kgrec.train-on-start=false", "KGREC_BOLT_ADDRESS=127.0.0.1:0",
                "kgrec.serving.cache.rescore-after=0s",
                "KGREC_API_KEYS=" + LoadedApplication.KEYS})
public abstract class LoadedApplication {
    public static final String ADMIN = "test-admin-key-0001";
    public static final String ANALYST = "test-analyst-key-001";
    public static final String REVIEWER = "test-reviewer-key-01";
    public static final String FRONTEND = "test-frontend-all-01";
    /** A frontend key scoped to {@link #OWN_CUSTOMER}. */
    public static final String FRONTEND_OWN = "test-frontend-own-01";
    public static final String OWN_CUSTOMER = "19";
    public static final String OTHER_CUSTOMER = "27";
    static final String KEYS = ADMIN + "=admin," + ANALYST + "=analyst," + REVIEWER + "=reviewer," + FRONTEND
            + "=frontend," + FRONTEND_OWN + "=frontend:" + OWN_CUSTOMER;

    private static LoadResult fixture;

    @LocalServerPort
    protected int port;

    @Autowired
    protected GraphConnection graph;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("kgrec-it");
        registry.add("KGREC_DATA_DIR", () -> dir.resolve("neo4j").toString());
    }

    @BeforeEach
    void loadFixtureOnce() throws Exception {
        synchronized (LoadedApplication.class) {
            if (fixture == null) {
                Path folder = Path.of(LoadedApplication.class.getResource("/fixtures/cj-small").toURI());
                fixture = new Loader(graph.driver(), graph.database()).load(List.of(new CompleteJourneySource(folder)),
                        Files.createTempDirectory("kgrec-it-q").resolve("quarantine.tsv"), ZoneOffset.UTC);
            }
        }
    }

    protected static LoadResult fixture() {
        return fixture;
    }

    protected GraphQlClient client(String apiKey) {
        return new GraphQlClient(URI.create("http://127.0.0.1:" + port + "/graphql"), apiKey);
    }

    protected long count(String cypher, java.util.Map<String, Object> parameters) {
        return graph.driver().executableQuery(cypher).withParameters(parameters).execute().records().get(0).get(0)
                .asLong();
    }
}
