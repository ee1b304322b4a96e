package health.ferry.uploads.detection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Main class of the extraction worker JVM. Reads one JSON request per line on stdin and answers on stdout; exits
 * the moment its parent is gone (stdin closes or the parent process ends), even while a parser is looping.
 */
final class ParseWorker {
    /** Parses one file; reports the detected type through {@code detected} before parsing starts. */
    interface Parsing {
        Extraction parse(Path file, Consumer<String> detected);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseWorker() {
    }

    /** Arguments: write limit, most embedded documents, most embedding depth. */
    public static void main(String[] args) throws Exception {
        serve(() -> TikaParsing.load(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2])));
    }

    /** Loader of the parsing strategy; tests substitute a misbehaving one around the real parser. */
    interface ParsingLoader {
        Parsing load() throws Exception;
    }

    static void serve(ParsingLoader loader) throws Exception {
        // Only protocol lines may reach the real stdout; libraries that print get stderr instead.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readUntilParentGone(requests), "worker-stdin");
        reader.setDaemon(true);
        reader.start();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(ParseWorker::halt));
        Parsing parsing = loader.load();
        write(protocol, WorkerMessage.ready());
        while (true) {
            WorkerMessage request = JSON.readValue(requests.take(), WorkerMessage.class);
            long id = request.id();
            Extraction result = parsing.parse(Path.of(request.path()),
                    type -> write(protocol, WorkerMessage.detected(id, type)));
            write(protocol, WorkerMessage.done(id, result));
        }
    }

    private static void readUntilParentGone(BlockingQueue<String> requests) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                requests.add(line);
            }
        } catch (IOException e) {
            // stdin broken: the parent is gone
        }
        halt();
    }

    private static void write(PrintStream protocol, WorkerMessage message) {
        try {
            protocol.println(JSON.writeValueAsString(message));
        } catch (IOException e) {
            halt();
        }
    }

    private static void halt() {
        Runtime.getRuntime().halt(0);
    }
}
