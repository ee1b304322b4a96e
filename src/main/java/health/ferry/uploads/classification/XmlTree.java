package health.ferry.uploads.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree of an XML document, read through {@link SafeXml} (no DTDs, no external entities, any DOCTYPE
 * refused), for readers that need to walk structure (C-CDA entries). Bounded: at most {@link #MAX_ELEMENTS} elements
 * and {@link #MAX_TEXT} characters of text per element; past the element limit reading stops with a problem.
 * A document that breaks off keeps what was read before the break.
 */
public final class XmlTree {
    static final int MAX_ELEMENTS = 400_000;
    static final int MAX_TEXT = 4_000;

    /** One element: namespace, local name, attributes by local name, children in order, and its own text. */
    public static final class Node {
        private final String namespace;
        private final String name;
        private final Map<String, String> attributes;
        private final List<Node> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Node(String namespace, String name, Map<String, String> attributes) {
            this.namespace = Objects.requireNonNullElse(namespace, "");
            this.name = name;
            this.attributes = attributes;
        }

        public String namespace() {
            return namespace;
        }

        public String name() {
            return name;
        }

        /** An attribute by local name (any namespace, so {@code xsi:type} is {@code type}), or null. */
        public String attribute(String localName) {
            return attributes.get(localName);
        }

        public List<Node> children() {
            return children;
        }

        /** The children with this local name, in order. */
        public List<Node> children(String localName) {
            return children.stream().filter(c -> c.name.equals(localName)).toList();
        }

        /** The first child with this local name, or null. */
        public Node child(String localName) {
            for (Node c : children) {
                if (c.name.equals(localName)) {
                    return c;
                }
            }
            return null;
        }

        /** The first element down a path of local names, or null. */
        public Node path(String... localNames) {
            Node at = this;
            for (String n : localNames) {
                at = at.child(n);
                if (at == null) {
                    return null;
                }
            }
            return at;
        }

        /** Own text, trimmed (at most {@link XmlTree#MAX_TEXT} characters). */
        public String text() {
            return text.toString().strip();
        }
    }

    /** The root (null when there is none) and why reading stopped early (null when it read to the end). */
    public record Result(Node root, String problem) {
    }

    private XmlTree() {
    }

    public static Result read(Path file) throws IOException {
        Builder builder = new Builder();
        String problem;
        try {
            problem = SafeXml.stream(file, builder);
        } catch (Stop e) {
            problem = null;
        }
        return new Result(builder.root, builder.problem != null ? builder.problem : problem);
    }

    private static final class Builder implements SafeXml.Events {
        private final Deque<Node> open = new ArrayDeque<>();
        private Node root;
        private int elements;
        private String problem;

        @Override
        public void start(XMLStreamReader xml) {
            if (++elements > MAX_ELEMENTS) {
                problem = "more than " + MAX_ELEMENTS + " elements; the rest was not read";
                throw new Stop();
            }
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
            Node node = new Node(xml.getNamespaceURI(), xml.getLocalName(), attributes);
            if (open.isEmpty()) {
                if (root == null) {
                    root = node;
                }
            } else {
                open.peek().children.add(node);
            }
            open.push(node);
        }

        @Override
        public void end(XMLStreamReader xml) {
            if (!open.isEmpty()) {
                open.pop();
            }
        }

        @Override
        public void text(XMLStreamReader xml) {
            Node node = open.peek();
            if (node != null && node.text.length() < MAX_TEXT) {
                int room = MAX_TEXT - node.text.length();
                node.text.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
            }
        }
    }

    /** Ends reading at the element limit (caught by {@link #read}). */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
