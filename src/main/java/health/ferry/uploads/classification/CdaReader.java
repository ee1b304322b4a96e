package health.ferry.uploads.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a CDA document's header codes, templates, body kind and section inventory in one streaming pass. Elements
 * count in the root's namespace: urn:hl7-org:v3, or none for fragments copied out of a document without it.
 */
final class CdaReader implements SafeXml.Events {
    private static final int MAX_SECTIONS = 200;
    private static final int MAX_TITLE = 200;

    private final List<String> templateIds = new ArrayList<>();
    private final List<CdaSection> sections = new ArrayList<>();
    private final StringBuilder title = new StringBuilder();
    private String root;
    private String namespace;
    private String code;
    private boolean nonXmlBody;
    private int depth;
    private int sectionDepth = -1;
    private int titleDepth = -1;
    private String sectionCode;

    private CdaReader() {
    }

    static CdaFacts read(Path file) throws IOException {
        CdaReader reader = new CdaReader();
        String problem = SafeXml.stream(file, reader);
        reader.closeSection();
        return new CdaFacts(reader.root, reader.code, List.copyOf(reader.templateIds), reader.nonXmlBody,
                List.copyOf(reader.sections), problem);
    }

    @Override
    public void start(XMLStreamReader xml) {
        depth++;
        if (root == null) {
            root = xml.getLocalName();
            namespace = Objects.requireNonNullElse(xml.getNamespaceURI(), "");
        }
        if (!namespace.equals(Objects.requireNonNullElse(xml.getNamespaceURI(), ""))) {
            return;
        }
        String name = xml.getLocalName();
        boolean header = depth == 2 && CdaFacts.DOCUMENT.equals(root);
        if (header && name.equals("templateId")) {
            templateIds.add(attribute(xml, "root"));
        } else if (header && name.equals("code")) {
            code = attribute(xml, "code");
        } else if (depth == 3 && name.equals("nonXMLBody")) {
            nonXmlBody = true;
        } else if (name.equals("section") && sectionDepth < 0) {
            sectionDepth = depth;
            sectionCode = null;
            title.setLength(0);
        } else if (sectionDepth >= 0 && depth == sectionDepth + 1 && name.equals("code")) {
            sectionCode = attribute(xml, "code");
        } else if (sectionDepth >= 0 && depth == sectionDepth + 1 && name.equals("title")) {
            titleDepth = depth;
        }
    }

    @Override
    public void end(XMLStreamReader xml) {
        if (depth == titleDepth) {
            titleDepth = -1;
        }
        if (depth == sectionDepth) {
            closeSection();
        }
        depth--;
    }

    @Override
    public void text(XMLStreamReader xml) {
        if (titleDepth >= 0 && title.length() < MAX_TITLE) {
            title.append(xml.getText());
        }
    }

    /** Records the open top-level section; also what was read of it when the document breaks off. */
    private void closeSection() {
        if (sectionDepth >= 0 && sections.size() < MAX_SECTIONS) {
            sections.add(new CdaSection(sectionCode, title.toString().strip().replaceAll("\\s+", " ")));
        }
        sectionDepth = -1;
        titleDepth = -1;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? null : value.strip();
    }
}
