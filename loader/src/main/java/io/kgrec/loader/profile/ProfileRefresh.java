package io.kgrec.loader.profile;

import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Recomputes the customer profiles after a load by calling the plugin's {@code kgrec.profile.write()}, when the
 * database has the plugin. Profiles summarise interactions, so they are stale after every load; a database without
 * the plugin simply keeps none.
 */
public final class ProfileRefresh {
    private static final String AVAILABLE = """
            SHOW PROCEDURES YIELD name WHERE name = 'kgrec.profile.write' RETURN count(*) > 0 AS available
            """;
    private static final String WRITE = """
            CALL kgrec.profile.write() YIELD customers, profiled, affinities
            RETURN customers, profiled, affinities
            """;

    private final Driver driver;
    private final String database;

    public ProfileRefresh(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /** What the procedure reported. */
    public record Written(long customers, long profiled, long affinities) {
    }

    /** @return the counts, or empty when the database lacks the procedure */
    public Optional<Written> refresh() {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            boolean available = session.executeRead(tx -> tx.run(AVAILABLE).single().get("available").asBoolean());
            if (!available) {
                return Optional.empty();
            }
            Record r = session.executeWrite(tx -> tx.run(WRITE).single());
            return Optional.of(new Written(r.get("customers").asLong(), r.get("profiled").asLong(),
                    r.get("affinities").asLong()));
        }
    }
}
