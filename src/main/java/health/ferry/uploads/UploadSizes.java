package health.ferry.uploads;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Sizes as people read them (1,024-based, as study files write their limits), for pages and messages. */
final class UploadSizes {
    private static final long MB = 1024L * 1024;
    private static final long GB = 1024L * MB;

    private UploadSizes() {
    }

    static String readable(long bytes) {
        if (bytes >= GB) {
            return one(bytes / (double) GB) + " GB";
        }
        if (bytes >= MB) {
            return one(bytes / (double) MB) + " MB";
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }

    @TemplateExtension
    static String readableSize(UploadView.DocumentView document) {
        return readable(document.size());
    }

    @TemplateExtension
    static String readableSize(UploadView.FileView file) {
        return readable(file.size());
    }

    private static String one(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
