package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.uploads.archive.ArchiveLimits;
import health.ferry.uploads.detection.ExtractionSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration's defaults are the engine's defaults, and overrides reach the limits. */
class UploadsConfigTest {
    private static UploadsConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(UploadsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(UploadsConfig.class);
    }

    @Test
    void defaultsMatchTheEngineDefaults() {
        UploadsConfig config = load(Map.of());
        assertEquals(ArchiveLimits.defaults(), config.archive().limits());
        assertEquals(ExtractionSettings.defaults(), config.extraction().settings());
    }

    @Test
    void intakeDefaultsAreThePlansLimits() {
        UploadsConfig config = load(Map.of());
        assertEquals(java.nio.file.Path.of("data/uploads"), config.storageDir());
        assertEquals(1024L * 1024 * 1024, config.maxUploadSize().asLongValue());
        assertEquals(20, config.maxUploadsPerPersonPerDay());
        assertEquals(1, config.jobs().workers());
        assertEquals(Duration.ofMinutes(5), config.jobs().lease());
        assertEquals(5, config.jobs().maxAttempts());
        assertEquals(Duration.ofMinutes(1), config.jobs().retryBackoff());
        assertEquals(Duration.ofSeconds(5), config.jobs().pollEvery());
    }

    @Test
    void overridesReachTheLimits() {
        UploadsConfig config = load(Map.of("ferry.uploads.archive.max-entries", "300",
                "ferry.uploads.archive.max-total-size", "200M", "ferry.uploads.extraction.timeout", "20s",
                "ferry.uploads.extraction.classpath", "/opt/ferry/lib/*"));
        assertEquals(300, config.archive().limits().maxEntries());
        assertEquals(200L * 1024 * 1024, config.archive().limits().maxTotalBytes());
        assertEquals(Duration.ofSeconds(20), config.extraction().settings().timeout());
        assertEquals("/opt/ferry/lib/*", config.extraction().settings().classpath());
    }
}
