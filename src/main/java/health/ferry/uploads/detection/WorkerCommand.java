package health.ferry.uploads.detection;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of an extraction worker: the same JDK, a bounded heap, exit on out-of-memory, and the app's own
 * class path, derived from how this JVM was started.
 */
final class WorkerCommand {
    private static final String FAST_JAR_RUNNER = "quarkus-run.jar";

    private WorkerCommand() {
    }

    static List<String> build(ExtractionSettings settings, String mainClass, Path scratch) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(nice(settings.niceness()));
        command.addAll(List.of(java,
                "-Xmx" + settings.maxHeap(),
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + scratch,
                "-Dfile.encoding=UTF-8",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                // Defence in depth only: a parser that tries plain HTTP(S) meets a closed local port. Real egress
                // blocking belongs to the deployment (no-egress network for the worker).
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=9", "-Dhttp.nonProxyHosts=",
                "-cp", classpath(settings.classpath(), System.getProperty("java.class.path"))));
        command.add(mainClass);
        command.add(Integer.toString(settings.writeLimit()));
        command.add(Integer.toString(settings.maxEmbeddedDocuments()));
        command.add(Integer.toString(settings.maxEmbeddedDepth()));
        command.add(Integer.toString(settings.parallelism()));
        return List.copyOf(command);
    }

    /** {@code nice -n N} where the system has it (it execs the JVM: same process id), else nothing. */
    static List<String> nice(int niceness) {
        if (niceness <= 0) {
            return List.of();
        }
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path nice = Path.of(dir, "nice");
            if (Files.isExecutable(nice)) {
                return List.of(nice.toString(), "-n", Integer.toString(niceness));
            }
        }
        return List.of();
    }

    /**
     * The configured class path, else: in the packaged fast-jar (this JVM runs {@code quarkus-run.jar}) the app's
     * {@code lib/boot/*:lib/main/*:app/*}; anywhere else (tests, dev jar) this JVM's own class path, made absolute.
     */
    static String classpath(String configured, String javaClassPath) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<Path> entries = Arrays.stream(javaClassPath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().normalize()).toList();
        if (entries.size() == 1 && entries.get(0).getFileName().toString().equals(FAST_JAR_RUNNER)) {
            Path app = entries.get(0).getParent();
            return String.join(File.pathSeparator, app.resolve("lib/boot/*").toString(),
                    app.resolve("lib/main/*").toString(), app.resolve("app/*").toString());
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
