package health.ferry.uploads.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamReader;

/** Streams FHIR XML: the root resource, or a Bundle's entry/resource children, with Observation categories. */
final class FhirXmlReader implements SafeXml.Events {
    static final String NAMESPACE = "http://hl7.org/fhir";

    /** A resource element still open: where it started, its type, whether it mentioned vital signs. */
    private static final class Open {
        final int depth;
        final String type;
        boolean vitalSigns;

        Open(int depth, String type) {
            this.depth = depth;
            this.type = type;
        }
    }

    private final FhirTally tally = new FhirTally();
    private final Deque<Open> open = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();
    private String rootType;
    private String bundleType;

    private FhirXmlReader() {
    }

    static FhirFacts read(Path file) throws IOException {
        FhirXmlReader reader = new FhirXmlReader();
        String problem = SafeXml.stream(file, reader);
        return reader.tally.facts(reader.rootType, reader.bundleType, reader.rootType == null ? 0 : 1, problem);
    }

    @Override
    public void start(XMLStreamReader xml) {
        boolean entryResource = inEntryResource();
        String name = xml.getLocalName();
        path.push(name);
        if (path.size() == 1) {
            rootType = name;
            open.push(new Open(1, name));
        } else if (entryResource && NAMESPACE.equals(xml.getNamespaceURI())) {
            open.push(new Open(path.size(), name));
        } else if (path.size() == 2 && name.equals("type") && "Bundle".equals(rootType)) {
            bundleType = xml.getAttributeValue(null, "value");
        }
        if (!open.isEmpty() && FhirResourceTypes.VITAL_SIGNS.equals(xml.getAttributeValue(null, "value"))) {
            open.peek().vitalSigns = true;
        }
    }

    /** The element about to start is the resource of a Bundle entry (Bundle.entry.resource.*). */
    private boolean inEntryResource() {
        var names = path.iterator();
        return names.hasNext() && names.next().equals("resource") && names.hasNext() && names.next().equals("entry");
    }

    @Override
    public void end(XMLStreamReader xml) {
        if (!open.isEmpty() && open.peek().depth == path.size()) {
            Open resource = open.pop();
            if (!resource.type.equals("Bundle")) {
                tally.add(resource.type, resource.vitalSigns);
            }
        }
        path.pop();
    }
}
