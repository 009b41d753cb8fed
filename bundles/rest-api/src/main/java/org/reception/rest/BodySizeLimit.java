package org.reception.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

/**
 * Refuses request bodies larger than the API ever needs, while they are read, so that a huge or
 * endless body costs neither memory nor time. Counting the bytes read also covers chunked bodies,
 * which carry no Content-Length.
 */
final class BodySizeLimit implements ReaderInterceptor {

    /** A petition's longest text is 20,000 characters, at most 80 KB in UTF-8; leave room for the rest. */
    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BYTES) {
            throw tooLarge();
        }
        Bounded body = new Bounded(context.getInputStream(), MAX_BYTES);
        context.setInputStream(body);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // The JSON reader wraps what the stream throws; what matters is why the stream stopped.
            if (body.exceeded) {
                throw tooLarge();
            }
            throw e;
        }
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException("the request body is larger than " + MAX_BYTES + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class Bounded extends FilterInputStream {
        private long remaining;
        private boolean exceeded;

        Bounded(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                exceeded = true;
                throw new IOException("request body over " + MAX_BYTES + " bytes");
            }
        }
    }
}
