package org.reception.desk;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the reception desk, a single-page application, at {@code /desk/} on the platform's one
 * HTTP server (OSGi HTTP Whiteboard). Everything it shows comes from the REST API under
 * {@code /api/v1}; this servlet only hands out the built files:
 * <ul>
 * <li>under a Content-Security-Policy that allows no inline or evaluated script, no other origin and
 * no framing, so that a value that slipped past escaping still cannot run;</li>
 * <li>compressed with gzip when the browser takes it;</li>
 * <li>hashed files ({@code assets/}) cached for a year, the page itself revalidated on every load
 * (ETag), so that a new build is seen at once.</li>
 * </ul>
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/desk/*",
        "osgi.http.whiteboard.servlet.name=reception-desk"})
public final class DeskServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LogManager.getLogger(DeskServlet.class);

    /**
     * Element Plus positions popups with inline style attributes, hence {@code 'unsafe-inline'} for
     * styles only; scripts come from this origin's files alone.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private transient DeskFiles files;

    public DeskServlet() {
    }

    DeskServlet(DeskFiles files) {
        this.files = files;
    }

    @Activate
    void activate(BundleContext context) {
        files = new DeskFiles(path -> context.getBundle().getEntry("desk/" + path));
        LOG.info("Reception desk served at /desk/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            // /desk without its slash: the page's relative links need the folder.
            response.setHeader("Cache-Control", "no-cache");
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        String path = pathInfo.equals("/") ? "index.html" : pathInfo.substring(1);
        securityHeaders(response);
        Optional<DeskFiles.File> found = files.find(path);
        if (found.isEmpty()) {
            response.setHeader("Cache-Control", "no-cache");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        DeskFiles.File file = found.get();
        response.setHeader("Cache-Control", DeskFiles.immutable(path) ? "public, max-age=31536000, immutable" : "no-cache");
        response.setHeader("ETag", file.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        byte[] body = file.bytes();
        if (file.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            body = file.gzipped();
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(etag) || candidate.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** gzip unless the browser said it does not take it ({@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
