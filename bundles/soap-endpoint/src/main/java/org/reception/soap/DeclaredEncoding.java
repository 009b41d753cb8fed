package org.reception.soap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads a request in the encoding its bytes are in: a byte order mark, or the first characters of
 * an XML document in UTF-16, outweigh the {@code charset} of the {@code Content-Type} (RFC 7303,
 * section 3.2, and XML 1.0, appendix F), so that a UTF-16 body is read as UTF-16 whatever its
 * header says. Without either, the header's charset holds (UTF-8 when it names none).
 */
final class DeclaredEncoding extends AbstractPhaseInterceptor<Message> {

    DeclaredEncoding() {
        super(Phase.POST_STREAM);
        addBefore(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        try {
            PushbackInputStream head = new PushbackInputStream(in, 4);
            byte[] first = head.readNBytes(4);
            String encoding = encoding(first);
            int bom = encoding != null && first.length >= 3 && (first[0] & 0xFF) == 0xEF ? 3 : 0;
            head.unread(first, bom, first.length - bom);
            if (encoding != null) {
                message.put(Message.ENCODING, encoding);
            }
            message.setContent(InputStream.class, head);
        } catch (IOException e) {
            throw new MalformedMessage("the request could not be read: " + SoapFaults.clip(e.getMessage()));
        }
    }

    /** The encoding the first bytes show, or null when they show none but an ASCII-compatible one. */
    static String encoding(byte[] first) {
        if (first.length >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8.name();
        }
        if (first.length >= 2 && ((first[0] & 0xFF) == 0xFE && (first[1] & 0xFF) == 0xFF
                || (first[0] & 0xFF) == 0xFF && (first[1] & 0xFF) == 0xFE)) {
            // Java's UTF-16 reads the mark, takes its byte order from it, and drops it.
            return StandardCharsets.UTF_16.name();
        }
        // No byte of UTF-8 text is 0: a document that begins with '<' and a 0 is UTF-16 without a mark.
        if (first.length >= 2 && first[0] == 0 && first[1] == '<') {
            return StandardCharsets.UTF_16BE.name();
        }
        if (first.length >= 2 && first[0] == '<' && first[1] == 0) {
            return StandardCharsets.UTF_16LE.name();
        }
        return null;
    }
}
