package health.ferry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every log record of the running application from {@link #start()} until {@link #close()}, for assertions. */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    /** Starts capturing on the root logger. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    /** The records at {@code level} or above from loggers whose name starts with {@code prefix}. */
    public List<LogRecord> atLeast(Level level, String prefix) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(prefix)).toList();
    }

    /** The records whose (unformatted) message starts with {@code text}. */
    public List<LogRecord> saying(String text) {
        return records.stream().filter(r -> r.getMessage() != null && r.getMessage().startsWith(text)).toList();
    }

    /** Logger, level and message of each record, one per line (assertion messages). */
    public static String describe(List<LogRecord> list) {
        StringBuilder sb = new StringBuilder();
        list.forEach(r -> sb.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ")
                .append(r.getMessage()).append('\n'));
        return sb.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
