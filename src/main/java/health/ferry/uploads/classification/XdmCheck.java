package health.ferry.uploads.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks each METADATA.XML against the files beside it: every listed document must be there with the declared
 * size and hash (SHA-1 per XDS; a 64-digit hash is taken as SHA-256), and every document there should be listed.
 * URIs are matched as text against entry names, never resolved on a file system.
 */
final class XdmCheck {
    private final List<DocumentFacts> documents;
    private final List<XdmSubmissionSet> submissions = new ArrayList<>();
    private final List<XdmDocumentEntry> entries = new ArrayList<>();
    private final List<XdmProblem> problems = new ArrayList<>();

    private XdmCheck(List<DocumentFacts> documents) {
        this.documents = documents;
    }

    static XdmReport check(List<DocumentFacts> documents, List<DocumentFacts> metadataFiles) throws IOException {
        XdmCheck check = new XdmCheck(documents);
        for (DocumentFacts metadata : metadataFiles) {
            check.metadata(metadata);
        }
        return metadataFiles.isEmpty() ? XdmReport.none()
                : new XdmReport(check.submissions, check.entries, check.problems);
    }

    private void metadata(DocumentFacts metadata) throws IOException {
        XdmMetadata declared = XdmMetadataReader.read(metadata.content());
        if (declared.problem() != null) {
            problems.add(new XdmProblem(metadata.name(), XdmProblem.METADATA_UNREADABLE, capitalised(declared.problem())
                    + "."));
        }
        declared.submissions().forEach(s -> submissions.add(new XdmSubmissionSet(metadata.name(), s.id(),
                s.submissionTime(), s.members())));
        String folder = PackageLayout.folder(metadata.name());
        Set<String> matched = new HashSet<>();
        for (XdmMetadata.Entry entry : declared.entries()) {
            DocumentFacts file = find(folder, entry);
            if (file == null) {
                problems.add(new XdmProblem(metadata.name(), XdmProblem.LISTED_MISSING, "Document "
                        + Objects.requireNonNullElse(entry.uri(), entry.id()) + " is listed but not in the upload."));
            } else {
                matched.add(file.name());
            }
            entries.add(compare(metadata.name(), entry, file));
        }
        unlisted(metadata, folder, matched);
    }

    private DocumentFacts find(String folder, XdmMetadata.Entry entry) {
        if (entry.uri() != null) {
            String wanted = folder + entry.uri();
            return documents.stream().filter(d -> d.name().equals(wanted)).findFirst()
                    .orElse(documents.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).findFirst().orElse(null));
        }
        String prefix = (folder + entry.id() + ".").toLowerCase(Locale.ROOT);
        return documents.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(prefix))
                .filter(d -> d.name().indexOf('/', prefix.length()) < 0).findFirst().orElse(null);
    }

    private XdmDocumentEntry compare(String metadata, XdmMetadata.Entry entry, DocumentFacts file)
            throws IOException {
        Boolean sizeMatches = file == null || entry.size() == null ? null : entry.size() == file.size();
        Boolean hashMatches = file == null || entry.hash() == null ? null
                : entry.hash().equalsIgnoreCase(hash(file.content(), entry.hash().length()));
        if (Boolean.FALSE.equals(sizeMatches)) {
            problems.add(new XdmProblem(file.name(), XdmProblem.SIZE_MISMATCH, "Size " + file.size()
                    + " bytes differs from the " + entry.size() + " bytes METADATA.XML declares."));
        }
        if (Boolean.FALSE.equals(hashMatches)) {
            problems.add(new XdmProblem(file.name(), XdmProblem.HASH_MISMATCH,
                    "Content differs from the hash METADATA.XML declares."));
        }
        return new XdmDocumentEntry(metadata, entry.id(), entry.uri(), entry.mimeType(), entry.size(), entry.hash(),
                entry.typeCode(), entry.typeName(), entry.classCode(), file == null ? null : file.name(),
                sizeMatches, hashMatches);
    }

    /** Documents in the metadata's folder that no entry lists (stylesheets are expected extras). */
    private void unlisted(DocumentFacts metadata, String folder, Set<String> matched) {
        for (DocumentFacts document : documents) {
            String name = document.name();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0 && !matched.contains(name)
                    && !name.equals(metadata.name()) && !lower.endsWith(".xsl") && !lower.endsWith(".xslt")
                    && !lower.endsWith(".css")) {
                problems.add(new XdmProblem(name, XdmProblem.UNLISTED, "In the XDM folder but not listed in "
                        + metadata.name() + "."));
            }
        }
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String hash(Path content, int hexLength) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(hexLength == 64 ? "SHA-256" : "SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 and SHA-256 are required JDK algorithms", e);
        }
        try (InputStream in = Files.newInputStream(content)) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
