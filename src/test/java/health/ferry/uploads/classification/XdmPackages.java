package health.ferry.uploads.classification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds IHE XDM packages in test code: files, an ebRIM METADATA.XML describing them, and the zip. */
public final class XdmPackages {
    /** One document entry: the URI it is listed under, and the size and hash it declares. */
    public record Listed(String id, String uri, long size, String sha1, String typeCode) {
    }

    public final Map<String, byte[]> files = new LinkedHashMap<>();

    public XdmPackages file(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    public XdmPackages file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An entry that tells the truth about {@code name}, listed by its file name. */
    public Listed honest(String id, String name, String typeCode) {
        byte[] content = files.get(name);
        return new Listed(id, name.substring(name.lastIndexOf('/') + 1), content.length, sha1(content), typeCode);
    }

    public static String metadata(boolean declaration, Listed... entries) {
        StringBuilder xml = new StringBuilder(declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "");
        xml.append("<SubmitObjectsRequest xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\">\n")
                .append(" <RegistryObjectList xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">\n");
        for (Listed e : entries) {
            xml.append("  <ExtrinsicObject id=\"").append(e.id()).append("\" mimeType=\"text/xml\">\n");
            if (e.uri() != null) {
                xml.append(slot("URI", e.uri()));
            }
            xml.append(slot("size", Long.toString(e.size()))).append(slot("hash", e.sha1()))
                    .append(slot("sourcePatientInfo", "PID-5|Doe^Jane"))
                    .append("   <Classification classificationScheme=\"urn:uuid:f0306f51-975f-434e-a61c-c59651d33983\"")
                    .append(" classifiedObject=\"").append(e.id()).append("\" nodeRepresentation=\"")
                    .append(e.typeCode()).append("\"><Name><LocalizedString value=\"Summary of episode note\"/>")
                    .append("</Name></Classification>\n  </ExtrinsicObject>\n");
        }
        xml.append("  <RegistryPackage id=\"SubmissionSet01\">").append(slot("submissionTime", "20240102030405"))
                .append("</RegistryPackage>\n");
        for (Listed e : entries) {
            xml.append("  <Association associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\"")
                    .append(" sourceObject=\"SubmissionSet01\" targetObject=\"").append(e.id()).append("\"/>\n");
        }
        return xml.append(" </RegistryObjectList>\n</SubmitObjectsRequest>\n").toString();
    }

    Path zip(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String slot(String name, String value) {
        return "   <Slot name=\"" + name + "\"><ValueList><Value>" + value + "</Value></ValueList></Slot>\n";
    }

    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
