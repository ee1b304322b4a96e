package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only worker main class: the real parser, except for files starting with a marker, on which it hangs, eats
 * the heap or dies, the way a broken parser would. Production code has no such hook.
 */
final class MisbehavingParseWorker {
    static final String HANG = "FERRY-TEST:hang";
    static final String OOM = "FERRY-TEST:oom";
    static final String CRASH = "FERRY-TEST:crash";
    /** A well-behaved but slow document: three seconds, then parsed normally. */
    static final String SLOW = "FERRY-TEST:slow";

    private MisbehavingParseWorker() {
    }

    public static void main(String[] args) throws Exception {
        ParseWorker.serve(() -> {
            TikaParsing real = TikaParsing.load(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]), OcrSettings.fromArguments(args, 4));
            return (file, detected) -> {
                String head = head(file);
                if (head.startsWith(HANG)) {
                    detected.accept("text/plain");
                    hang();
                } else if (head.startsWith(OOM)) {
                    exhaustHeap();
                } else if (head.startsWith(CRASH)) {
                    Runtime.getRuntime().halt(3);
                } else if (head.startsWith(SLOW)) {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.parse(file, detected);
            };
        }, ParseWorker.parallelism(args));
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(32), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void hang() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // a hung parser ignores interrupts too
            }
        }
    }

    private static void exhaustHeap() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }
}
