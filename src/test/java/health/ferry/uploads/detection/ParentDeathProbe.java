package health.ferry.uploads.detection;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Test-only parent JVM: starts a worker, prints its pid, then leaves it hanging on a document. The test kills this
 * JVM and checks that the worker exits on its own.
 */
final class ParentDeathProbe {
    private ParentDeathProbe() {
    }

    public static void main(String[] args) throws Exception {
        ExtractionSettings settings = ExtractionSettings.defaults().withTimeout(Duration.ofMinutes(10));
        DocumentExtractor extractor = new DocumentExtractor(settings, MisbehavingParseWorker.class.getName());
        extractor.extract(Path.of(args[0]));
        System.out.println("worker " + extractor.workerPid());
        System.out.flush();
        extractor.extract(Path.of(args[1]));
    }
}
