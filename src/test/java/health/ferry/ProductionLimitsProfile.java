package health.ferry;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test profile with production's abuse limits (issue 22): the ward limits of production (the suite's own profile
 * raises them for its many test wards) and no outbound allowance for {@code localhost} (the suite's own profile has
 * one for the sandbox, which Ferry serves itself). Test classes that share this profile share one restart. On H2, a
 * database of its own: H2 keeps {@code mem:ferry} alive across Quarkus restarts in one JVM.
 */
public class ProductionLimitsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of("ferry.accounts.max-people", "20",
                "ferry.accounts.max-new-people-per-hour", "10",
                // A host no test uses: nothing is exempt, as in production (an empty value would not override).
                "ferry.outbound.allow-hosts", "nothing-allowed.invalid"));
        if (!List.of(System.getProperty("quarkus.test.profile", "test").split(",")).contains("pg")) {
            overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:ferry-production-limits;DB_CLOSE_DELAY=-1;"
                    + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        return overrides;
    }
}
