package health.ferry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log record of the whole test run into target/test-logs/test-run.log (auto-registered for every
 * test class through META-INF/services; quarkus-junit's junit-platform.properties turns on extension
 * autodetection), and fails a test class when a record written while it ran holds a password, a token, a key, or
 * one of the sample people's names (plan S6, C5, non-negotiable 10). Checking happens as records are published (a
 * few regexes per record), so it costs almost nothing. Quarkus replaces the root handlers when an application starts, so the handler is re-attached before each
 * test and checked after each class.
 */
public final class LogLeakGuard implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** Secrets and sample PHI that must never reach a log. Add the sentinels of new test data here. */
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\."), // a JWT (access or ID token)
            Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{20,}"),
            Pattern.compile("Tr0ub4dor"), // CredentialSecrecyTest's portal password
            Pattern.compile("ZGV2LW9ubHkta2V5|dev-only-key-do-not-use"), // the dev vault key
            Pattern.compile("(?i)\"password\"\\s*:\\s*\"[^\"]+\"|password=[^&\\s,)]+"),
            // the sandbox portal's patients and the test suite's wards
            Pattern.compile("Jordan Rivers|Taylor Brooks|Sam Carter|Alice Carter|Riley Chen|Avery Patel|Quinn Murphy"
                    + "|Jamie Ortiz|Drew Kim|Reese Walker|Secret Keeper|Matrix Ward|Mass Assigned|Hostile Upload"
                    + "|Jordan Xdm|Audit Ward"),
            Pattern.compile("1978-03-14|1984-02-11|2014-05-02|1965-09-09")); // their dates of birth
    private static final Path LOG = Path.of("target", "test-logs", "test-run.log");
    private static final Guard GUARD = new Guard();

    @Override
    public void beforeAll(ExtensionContext context) {
        GUARD.attach();
        GUARD.take();
    }

    /** A Quarkus application starting for the class replaced the root handlers after {@link #beforeAll}. */
    @Override
    public void beforeEach(ExtensionContext context) {
        GUARD.attach();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = GUARD.take();
        GUARD.attach();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " log line(s) written during " + context.getDisplayName()
                    + " hold a secret or sample PHI (see " + LOG + "):\n" + String.join("\n", leaks));
        }
    }

    /** Checks a line; public for the test of the guard itself. */
    public static boolean leaks(String line) {
        for (Pattern pattern : FORBIDDEN) {
            if (pattern.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static final class Guard extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();
        private final List<String> leaks = new ArrayList<>();
        private Writer out;

        Guard() {
            setLevel(Level.ALL);
        }

        synchronized void attach() {
            Logger root = Logger.getLogger("");
            for (Handler handler : root.getHandlers()) {
                if (handler == this) {
                    return;
                }
            }
            root.addHandler(this);
        }

        synchronized List<String> take() {
            flush();
            List<String> found = List.copyOf(leaks);
            leaks.clear();
            return found;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ')
                    .append(record.getLoggerName()).append(": ").append(message(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            String text = line.toString();
            if (leaks(text)) {
                leaks.add(text.length() > 500 ? text.substring(0, 500) : text);
            }
            write(text);
        }

        private String message(LogRecord record) {
            try {
                if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
                    return ext.getFormattedMessage();
                }
                return formatter.formatMessage(record);
            } catch (RuntimeException e) {
                return String.valueOf(record.getMessage());
            }
        }

        private void write(String text) {
            try {
                if (out == null) {
                    Files.createDirectories(LOG.getParent());
                    out = Files.newBufferedWriter(LOG, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                out.write(text);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void flush() {
            try {
                if (out != null) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
