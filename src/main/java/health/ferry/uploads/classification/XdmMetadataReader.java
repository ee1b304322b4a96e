package health.ferry.uploads.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XDM METADATA.XML: document entries with their URI, size, hash, class and type codes, and submission
 * sets with their member counts. Patient identity slots are deliberately not read.
 */
final class XdmMetadataReader implements SafeXml.Events {
    private static final String CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private static final String TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private static final List<String> SLOTS = List.of("URI", "size", "hash", "submissionTime");

    private final List<XdmMetadata.Entry> entries = new ArrayList<>();
    private final List<Package> packages = new ArrayList<>();
    private final Map<String, Integer> members = new HashMap<>();
    private final Map<String, String> slots = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private String objectKind;
    private String objectId;
    private String mimeType;
    private int depth;
    private int objectDepth = -1;
    private String slot;
    private String scheme;
    private StringBuilder value;

    private record Package(String id, String submissionTime) {
    }

    private XdmMetadataReader() {
    }

    static XdmMetadata read(Path file) throws IOException {
        XdmMetadataReader reader = new XdmMetadataReader();
        String problem = SafeXml.stream(file, reader);
        List<XdmMetadata.Submission> submissions = reader.packages.stream()
                .map(p -> new XdmMetadata.Submission(p.id(), p.submissionTime(), reader.members.getOrDefault(p.id(), 0)))
                .toList();
        return new XdmMetadata(List.copyOf(reader.entries), submissions, problem);
    }

    @Override
    public void start(XMLStreamReader xml) {
        depth++;
        start(xml, xml.getLocalName());
    }

    @Override
    public void end(XMLStreamReader xml) {
        end(xml.getLocalName());
        depth--;
    }

    @Override
    public void text(XMLStreamReader xml) {
        if (value != null) {
            value.append(xml.getText());
        }
    }

    private void start(XMLStreamReader xml, String name) {
        if ((name.equals("ExtrinsicObject") || name.equals("RegistryPackage")) && objectDepth < 0) {
            objectKind = name;
            objectDepth = depth;
            objectId = xml.getAttributeValue(null, "id");
            mimeType = xml.getAttributeValue(null, "mimeType");
            slots.clear();
            codes.clear();
        } else if (name.equals("Slot") && depth == objectDepth + 1) {
            slot = SLOTS.contains(xml.getAttributeValue(null, "name")) ? xml.getAttributeValue(null, "name") : null;
        } else if (name.equals("Value") && slot != null && !slots.containsKey(slot)) {
            value = new StringBuilder();
        } else if (name.equals("Classification") && depth == objectDepth + 1) {
            scheme = xml.getAttributeValue(null, "classificationScheme");
            codes.put(scheme, xml.getAttributeValue(null, "nodeRepresentation"));
        } else if (name.equals("LocalizedString") && TYPE_CODE.equals(scheme)) {
            codes.put("typeName", xml.getAttributeValue(null, "value"));
        } else if (name.equals("Association") && String.valueOf(xml.getAttributeValue(null, "associationType"))
                .endsWith("HasMember")) {
            members.merge(String.valueOf(xml.getAttributeValue(null, "sourceObject")), 1, Integer::sum);
        }
    }

    private void end(String name) {
        if (name.equals("Value") && value != null) {
            slots.put(slot, value.toString().strip());
            value = null;
        } else if (name.equals("Slot") && depth == objectDepth + 1) {
            slot = null;
        } else if (name.equals("Classification") && depth == objectDepth + 1) {
            scheme = null;
        } else if (depth == objectDepth) {
            finishObject();
            objectDepth = -1;
        }
    }

    private void finishObject() {
        if (objectKind.equals("RegistryPackage")) {
            packages.add(new Package(objectId, slots.get("submissionTime")));
            return;
        }
        entries.add(new XdmMetadata.Entry(objectId, mimeType, slots.get("URI"), size(slots.get("size")),
                slots.get("hash"), codes.get(CLASS_CODE), codes.get(TYPE_CODE), codes.get("typeName")));
    }

    private static Long size(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
