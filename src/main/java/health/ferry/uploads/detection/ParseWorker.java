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
 * Main class of the extraction worker JVM. Reads one JSON request per line on stdin and answers on stdout (each
 * answer carries its request's id); exits the moment its parent is gone (stdin closes or the parent process ends),
 * even while a parser is looping. Up to {@code parallelism} requests are parsed at once, on threads sharing the one
 * loaded parser (Tika's parsers are thread-safe; every parse has its own context, handler and metadata).
 */
final class ParseWorker {
    /** Parses one file; reports the detected type through {@code detected} before parsing starts. */
    interface Parsing {
        Extraction parse(Path file, Consumer<String> detected);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseWorker() {
    }

    /**
     * Arguments: write limit, most embedded documents, most embedding depth, parse threads (default 1), then the OCR
     * settings ({@link OcrSettings#arguments()}; default OCR on, English).
     */
    public static void main(String[] args) throws Exception {
        serve(() -> TikaParsing.load(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), OcrSettings.fromArguments(args, 4)), parallelism(args));
    }

    /** The fourth argument, when given: how many documents are parsed at once. */
    static int parallelism(String[] args) {
        return args.length > 3 ? Math.max(1, Integer.parseInt(args[3])) : 1;
    }

    /** Loader of the parsing strategy; tests substitute a misbehaving one around the real parser. */
    interface ParsingLoader {
        Parsing load() throws Exception;
    }

    static void serve(ParsingLoader loader, int parallelism) throws Exception {
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
        for (int i = 1; i < parallelism; i++) {
            Thread parser = new Thread(() -> parseForever(parsing, requests, protocol), "worker-parse-" + i);
            parser.setDaemon(true);
            parser.start();
        }
        parseForever(parsing, requests, protocol);
    }

    private static void parseForever(Parsing parsing, BlockingQueue<String> requests, PrintStream protocol) {
        while (true) {
            WorkerMessage request;
            try {
                request = JSON.readValue(requests.take(), WorkerMessage.class);
            } catch (IOException | InterruptedException e) {
                halt(); // a request the parent did not write, or a thread told to stop: nothing sane is left
                return;
            }
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

    /** One whole line per message: PrintStream.println holds the stream's lock for the line. */
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
