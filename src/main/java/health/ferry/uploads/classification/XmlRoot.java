package health.ferry.uploads.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The root element of an XML file, read safely; {@code problem} says why there is none. */
record XmlRoot(String namespace, String localName, String problem) {
    static final String XSL = "http://www.w3.org/1999/XSL/Transform";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String EBRIM_LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

    static XmlRoot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = SafeXml.open(in);
            try {
                if (!SafeXml.toRoot(xml)) {
                    return new XmlRoot(null, null, "XML without a root element");
                }
                String namespace = xml.getNamespaceURI();
                return new XmlRoot(namespace == null ? "" : namespace, xml.getLocalName(), null);
            } finally {
                xml.close();
            }
        } catch (SafeXml.DoctypeRefused e) {
            return new XmlRoot(null, null, "XML with a DOCTYPE is not processed");
        } catch (XMLStreamException e) {
            return new XmlRoot(null, null, "XML not well-formed");
        }
    }

    boolean is(String expectedNamespace) {
        return expectedNamespace.equals(namespace);
    }
}
