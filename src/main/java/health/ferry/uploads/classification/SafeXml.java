package health.ferry.uploads.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The only way classification reads XML: the JDK's own StAX parser with DTDs, external entities and entity
 * replacement off, a small entity-expansion limit, and any DOCTYPE refused outright. StAX has no XInclude.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();

    /** Receives the events of a streamed document. */
    interface Events {
        void start(XMLStreamReader xml);

        void end(XMLStreamReader xml);

        default void text(XMLStreamReader xml) {
        }
    }

    /** A document that carries a DOCTYPE; Ferry never processes one. */
    static final class DoctypeRefused extends XMLStreamException {
        DoctypeRefused() {
            super("XML with a DOCTYPE is not processed");
        }
    }

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty("jdk.xml.entityExpansionLimit", "64");
        factory.setProperty("jdk.xml.maxElementDepth", "256");
        return factory;
    }

    /**
     * Streams the whole file into {@code events}.
     *
     * @return null when the document was read to its end, otherwise why reading stopped (DOCTYPE, not well-formed)
     */
    static String stream(Path file, Events events) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = open(in);
            try {
                for (int event = xml.getEventType(); event != XMLStreamReader.END_DOCUMENT; event = next(xml)) {
                    if (event == XMLStreamReader.START_ELEMENT) {
                        events.start(xml);
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        events.end(xml);
                    } else if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) {
                        events.text(xml);
                    }
                }
            } finally {
                xml.close();
            }
            return null;
        } catch (DoctypeRefused e) {
            return e.getMessage();
        } catch (XMLStreamException e) {
            return "XML not well-formed" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNumber());
        }
    }

    /** A reader over the file; close both when done. */
    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** The next event, refusing a DOCTYPE. */
    static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamReader.DTD) {
            throw new DoctypeRefused();
        }
        return event;
    }

    /** Moves to the root element; false when the document has none. */
    static boolean toRoot(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamReader.START_ELEMENT) {
            if (event == XMLStreamReader.END_DOCUMENT) {
                return false;
            }
            event = next(reader);
        }
        return true;
    }
}
