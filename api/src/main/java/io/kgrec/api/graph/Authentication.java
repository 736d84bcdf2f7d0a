package io.kgrec.api.graph;

import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;

/** Sets the embedded database's password on the {@code system} database (works in Community Edition). */
final class Authentication {
    private static final String SET_PASSWORD = """
            ALTER USER $username SET PASSWORD $password CHANGE NOT REQUIRED
            """;

    private Authentication() {
    }

    static void setInitialPassword(DatabaseManagementService dbms, String username, String password) {
        dbms.database("system").executeTransactionally(SET_PASSWORD,
                Map.of("username", username, "password", password));
    }
}
