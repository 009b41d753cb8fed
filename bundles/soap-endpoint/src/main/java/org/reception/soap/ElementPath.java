package org.reception.soap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads the body of a request and knows where it is: the path of the element being read, below the
 * operation's element, as a fault names a field ({@code petitioner[1].residentId}). An element
 * stays current until the event after its end, so that a check made at its end still names it.
 */
final class ElementPath extends StreamReaderDelegate {

    private final SchemaNames names;
    private final Deque<Frame> open = new ArrayDeque<>();
    private boolean ended;

    ElementPath(XMLStreamReader reader, SchemaNames names) {
        super(reader);
        this.names = names;
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            open.push(new Frame(reader.getLocalName(), 0, false));
        }
    }

    static final class Frame {
        final String name;
        final int index;
        final boolean repeated;
        final Map<String, Integer> children = new HashMap<>();
        String lastChild;

        Frame(String name, int index, boolean repeated) {
            this.name = name;
            this.index = index;
            this.repeated = repeated;
        }
    }

    @Override
    public int next() throws XMLStreamException {
        if (ended) {
            open.poll();
            ended = false;
        }
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            String name = getLocalName();
            Frame parent = open.peek();
            int index = 0;
            boolean repeated = false;
            if (parent != null) {
                index = parent.children.merge(name, 1, Integer::sum) - 1;
                repeated = name.equals(parent.lastChild);
                parent.lastChild = name;
            }
            open.push(new Frame(name, index, repeated));
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            ended = true;
        }
        return event;
    }

    /** As {@link XMLStreamReader#nextTag()}, through {@link #next()} so that no element goes unseen. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected an element", getLocation());
        }
        return event;
    }

    /** As {@link XMLStreamReader#getElementText()}, through {@link #next()}. */
    @Override
    public String getElementText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("expected text, found an element", getLocation());
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE) {
                text.append(getText());
            }
            event = next();
        }
        return text.toString();
    }

    /** The element being read, as a field: its path below the operation's element. */
    String field() {
        return path(open.size());
    }

    /**
     * Where the innermost open element of this name is (a validator may speak of an element when
     * the reader is already in its first child); where the element being read is when none is open.
     */
    Position at(String name) {
        int depth = open.size();
        for (Frame frame : open) {
            if (frame.name.equals(name)) {
                return new Position(this, depth, frame);
            }
            depth--;
        }
        return new Position(this, open.size(), open.peek());
    }

    /** One open element: its field, its parent's, how many of its kind came before it. */
    record Position(ElementPath path, int depth, Frame frame) {

        String field() {
            return path.path(depth);
        }

        /** The field of the element that holds it; empty for the operation's element. */
        String parentField() {
            return path.path(depth - 1);
        }

        /** Its field without its index: what a limit on the number of its kind is about. */
        String fieldWithoutIndex() {
            String parent = parentField();
            String name = frame == null ? "" : frame.name;
            return parent.isEmpty() ? name : parent + "." + name;
        }

        /** How many of its kind came before it in its parent. */
        int index() {
            return frame == null ? 0 : frame.index;
        }

        /** Whether it follows one of the same name: one too many of a kind, when refused. */
        boolean repeated() {
            return frame != null && frame.repeated;
        }
    }

    /** The path of the outermost {@code depth} open elements, without the operation's element. */
    private String path(int depth) {
        StringBuilder path = new StringBuilder();
        Iterator<Frame> outermostFirst = open.descendingIterator();
        for (int level = 0; level < depth && outermostFirst.hasNext(); level++) {
            Frame frame = outermostFirst.next();
            if (level == 0) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(frame.name);
            if (names.repeating().contains(frame.name)) {
                path.append('[').append(frame.index).append(']');
            }
        }
        return path.toString();
    }
}
