package health.ferry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Config overrides for a test profile that needs a Quarkus restart. On H2 the profile gets its own in-memory
 * database: H2 keeps {@code mem:ferry} alive across Quarkus restarts in one JVM, and the next instance then fails on
 * the check constraints the previous one created. PostgreSQL runs ({@code -Dquarkus.test.profile=test,pg}) clean the
 * schema at every start and need nothing.
 */
public final class OwnDatabase {
    private OwnDatabase() {
    }

    /** {@code overrides} plus, on H2, the profile's own in-memory database {@code name}. */
    public static Map<String, String> with(String name, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        if (!List.of(System.getProperty("quarkus.test.profile", "test").split(",")).contains("pg")) {
            all.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;"
                    + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        return all;
    }
}
