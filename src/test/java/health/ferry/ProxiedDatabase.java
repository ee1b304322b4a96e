package health.ferry;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the datasource at a {@link TcpCutter} in front of the PostgreSQL the pg profile uses, so an outage test can
 * cut the database away and bring it back. The pool waits {@link #ACQUISITION} for a connection (the production
 * default) before a request gets its 503. Subclasses add the settings their test needs ({@link #settings()}).
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {
    /** The pool gives up waiting for a connection after this (the production default, 5 s); then the 503. */
    public static final Duration ACQUISITION = Duration.ofSeconds(5);
    /** The proxy of the class under test (one at a time: the resource is restricted to its class). */
    public static TcpCutter proxy;

    /** Further configuration for the test class. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("FERRY_TEST_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("FERRY_TEST_DB_PORT", "5432"));
        String db = System.getenv().getOrDefault("FERRY_TEST_DB_NAME", "ferry_test");
        proxy = new TcpCutter(host, port);
        try {
            proxy.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(settings());
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db);
        config.put("quarkus.datasource.jdbc.acquisition-timeout", ACQUISITION.toSeconds() + "S");
        return config;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
