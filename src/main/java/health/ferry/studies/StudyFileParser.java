package health.ferry.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import health.ferry.records.RecordCategory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one study YAML file and validates every field, naming the file and field of the first problem. */
final class StudyFileParser {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,255}");
    static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
    static final long MAX_UPLOAD_CEILING = 4L * 1024 * 1024 * 1024;
    private static final Set<String> TOP = Set.of("id", "title", "summary", "coordinators", "portalConnections",
            "supportingDocuments", "requestedCategories", "consent", "coordinatorsSeeNames", "forChildren");
    private static final Set<String> SUPPORTING = Set.of("enabled", "prerequisiteQuestion", "maxUploadSize",
            "acceptedCategories");
    private static final Set<String> CONSENT = Set.of("version", "text");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;

    private StudyFileParser(String file) {
        this.file = file;
    }

    static Study parse(String file, InputStream in) {
        return new StudyFileParser(file).read(in);
    }

    private Study read(InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new InvalidStudyFile(file, null, "is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidStudyFile(file, null, "must be a YAML mapping of study fields");
        }
        onlyKnown(root, TOP, "");
        String id = text(root, "id", 64);
        if (!ID.matcher(id).matches()) {
            throw fail("id", "must be 2-63 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        List<String> coordinators = new ArrayList<>();
        for (JsonNode c : array(root, "coordinators", false)) {
            if (!c.isTextual() || !USERNAME.matcher(c.asText()).matches()) {
                throw fail("coordinators", "each entry must be a username");
            }
            coordinators.add(c.asText());
        }
        return new Study(id, text(root, "title", 200), text(root, "summary", 2000), List.copyOf(coordinators),
                bool(root, "portalConnections", true), supporting(root.get("supportingDocuments")),
                categories(root, "requestedCategories", "requestedCategories", true), consent(root.get("consent")),
                bool(root, "coordinatorsSeeNames", false), file, bool(root, "forChildren", false));
    }

    private Study.SupportingDocuments supporting(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Study.SupportingDocuments(false, null, 0, List.of());
        }
        if (!node.isObject()) {
            throw fail("supportingDocuments", "must be a mapping");
        }
        onlyKnown(node, SUPPORTING, "supportingDocuments.");
        boolean enabled = bool(node, "enabled", "supportingDocuments.enabled", false);
        if (!enabled) {
            return new Study.SupportingDocuments(false, null, 0, List.of());
        }
        String question = text(node, "prerequisiteQuestion", "supportingDocuments.prerequisiteQuestion", 500);
        long max = size(node.get("maxUploadSize"), "supportingDocuments.maxUploadSize");
        return new Study.SupportingDocuments(true, question, max,
                categories(node, "acceptedCategories", "supportingDocuments.acceptedCategories", true));
    }

    private Study.Consent consent(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw fail("consent", "is required: a mapping with version and text");
        }
        onlyKnown(node, CONSENT, "consent.");
        return new Study.Consent(text(node, "version", "consent.version", 32), text(node, "text", "consent.text",
                20000));
    }

    private long size(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw fail(field, "is required, e.g. 500MB");
        }
        Matcher m = SIZE.matcher(node.asText().trim());
        if (!m.matches()) {
            throw fail(field, "must be a size such as 500MB or 2GB");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long bytes = Long.parseLong(m.group(1)) * switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (bytes < 1024 || bytes > MAX_UPLOAD_CEILING) {
            throw fail(field, "must be between 1KB and 4GB");
        }
        return bytes;
    }

    private List<RecordCategory> categories(JsonNode parent, String key, String field, boolean required) {
        List<RecordCategory> out = new ArrayList<>();
        for (JsonNode c : array(parent, key, field, required)) {
            RecordCategory category = RecordCategory.fromCode(c.asText())
                    .orElseThrow(() -> fail(field, "unknown record category '" + c.asText() + "'"));
            if (!out.contains(category)) {
                out.add(category);
            }
        }
        return List.copyOf(out);
    }

    private Iterable<JsonNode> array(JsonNode parent, String key, boolean required) {
        return array(parent, key, key, required);
    }

    private Iterable<JsonNode> array(JsonNode parent, String key, String field, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                throw fail(field, "is required: a list");
            }
            return List.of();
        }
        if (!node.isArray() || (required && node.isEmpty())) {
            throw fail(field, "must be a non-empty list");
        }
        return node;
    }

    private String text(JsonNode parent, String key, int maxLength) {
        return text(parent, key, key, maxLength);
    }

    private String text(JsonNode parent, String key, String field, int maxLength) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw fail(field, "is required");
        }
        String value = node.asText().strip();
        if (value.length() > maxLength) {
            throw fail(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    private boolean bool(JsonNode parent, String key, boolean fallback) {
        return bool(parent, key, key, fallback);
    }

    private boolean bool(JsonNode parent, String key, String field, boolean fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw fail(field, "must be true or false");
        }
        return node.asBoolean();
    }

    private void onlyKnown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fail(prefix + name, "is not a known study field (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    private InvalidStudyFile fail(String field, String problem) {
        return new InvalidStudyFile(file, field, problem);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
