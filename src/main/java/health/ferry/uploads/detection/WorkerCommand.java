package health.ferry.uploads.detection;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
                "-cp", classpath(settings.classpath(), System.getProperty("java.class.path"), appRoots())));
        command.add(mainClass);
        command.add(Integer.toString(settings.writeLimit()));
        command.add(Integer.toString(settings.maxEmbeddedDocuments()));
        command.add(Integer.toString(settings.maxEmbeddedDepth()));
        command.add(Integer.toString(settings.parallelism()));
        command.addAll(settings.ocr().arguments());
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
     * {@code lib/boot/*:lib/main/*:app/*}; anywhere else (tests, dev mode) the roots Ferry's own class loader reads
     * from, then this JVM's own class path, made absolute, each once. In dev mode the JVM's class path is only
     * {@code target/<name>-dev.jar}, whose manifest names Quarkus' bootstrap but neither Ferry's classes
     * ({@code target/classes}) nor its libraries (Tika, Jackson): Quarkus' class loader reads those itself, so
     * without {@code appRoots} the worker would not find its main class.
     */
    static String classpath(String configured, String javaClassPath, List<Path> appRoots) {
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
        Set<Path> all = new LinkedHashSet<>(appRoots);
        all.addAll(entries);
        return all.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static volatile List<Path> appRoots;

    /**
     * Where this class's own class loader reads classes from, when that is not the JVM's class path (Quarkus dev
     * mode): the root of Ferry's classes, then every jar it can see (found through their manifests). Empty when the
     * JVM's class path is the app's (tests, the packaged app). Found once.
     */
    static List<Path> appRoots() {
        List<Path> roots = appRoots;
        if (roots == null) {
            roots = appRoots(WorkerCommand.class);
            appRoots = roots;
        }
        return roots;
    }

    static List<Path> appRoots(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getSystemClassLoader()) {
            return List.of();
        }
        Set<Path> roots = new LinkedHashSet<>();
        Path own = classesRoot(type);
        if (own != null) {
            roots.add(own);
        }
        String manifest = "META-INF/MANIFEST.MF";
        try {
            for (URL url : Collections.list(loader.getResources(manifest))) {
                Path root = classesRoot(url.toString(), manifest);
                if (root != null && Files.exists(root)) {
                    roots.add(root);
                }
            }
        } catch (IOException e) {
            // only Ferry's own classes then; the worker's start reports what is missing
        }
        return List.copyOf(roots);
    }

    /**
     * The folder or jar {@code type} was loaded from, found through its own {@code .class} resource (a {@code file:}
     * or {@code jar:file:} address, decoded, so spaces and non-ASCII folder names work on Linux and macOS alike);
     * null when it came from somewhere else (a class loader of another kind), and the JVM's class path must do.
     */
    static Path classesRoot(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        URL url = type.getClassLoader() == null ? null : type.getClassLoader().getResource(resource);
        return url == null ? null : classesRoot(url.toString(), resource);
    }

    /** The root of a class file's address {@code address}, where {@code resource} is its path inside the root. */
    static Path classesRoot(String address, String resource) {
        try {
            if (address.startsWith("jar:file:")) {
                int bang = address.indexOf("!/");
                return bang < 0 ? null : Path.of(new URI(address.substring(4, bang))).toAbsolutePath().normalize();
            }
            if (address.startsWith("file:") && address.endsWith(resource)) {
                return Path.of(new URI(address.substring(0, address.length() - resource.length())))
                        .toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
