package org.reception.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class DeskFilesTest {

    private final List<String> asked = new ArrayList<>();
    private final Map<String, byte[]> built = Map.of(
            "index.html", "<!doctype html><title>x</title>".repeat(40).getBytes(StandardCharsets.UTF_8),
            "assets/index-3fa1.js", "console.log(1)".getBytes(StandardCharsets.UTF_8),
            "assets/logo.png", new byte[2000]);
    private final DeskFiles files = new DeskFiles(path -> {
        asked.add(path);
        byte[] bytes = built.get(path);
        return bytes == null ? null : url(bytes);
    });

    @Test
    void servesABuiltFileWithItsTypeItsGzipAndAStrongTag() throws IOException {
        DeskFiles.File page = files.find("index.html").orElseThrow();
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertNotNull(page.gzipped());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.gzipped()))) {
            assertArrayEquals(built.get("index.html"), in.readAllBytes());
        }
        assertTrue(page.gzipped().length < page.bytes().length / 5);
        assertTrue(page.etag().matches("\"[0-9a-f]{32}\""), page.etag());
    }

    @Test
    void leavesSmallFilesAndImagesUncompressed() {
        assertNull(files.find("assets/index-3fa1.js").orElseThrow().gzipped());
        assertNull(files.find("assets/logo.png").orElseThrow().gzipped());
    }

    @Test
    void readsEachFileOnce() {
        files.find("index.html");
        files.find("index.html");
        assertEquals(List.of("index.html"), asked);
    }

    @Test
    void neverLooksOutsideTheBuild() {
        for (String path : List.of("../etc/users.properties", "assets/../../x.js", "/etc/passwd", "assets//a.js",
                "a\\b.js", "..", ".env", "assets/.hidden.js", "index.html%00.js", "")) {
            assertTrue(files.find(path).isEmpty(), path);
        }
        assertTrue(asked.isEmpty(), "asked the bundle for " + asked);
    }

    @Test
    void remembersNoMiss() {
        for (int i = 0; i < 3; i++) {
            files.find("missing-" + i + ".js");
        }
        files.find("missing-0.js");
        assertEquals(List.of("missing-0.js", "missing-1.js", "missing-2.js", "missing-0.js"), asked,
                "a miss is asked again, never kept");
    }

    @Test
    void servesOnlyKnownTypes() {
        assertTrue(files.find("assets/app.class").isEmpty());
        assertTrue(files.find("missing.js").isEmpty());
    }

    @Test
    void cachesHashedFilesOnly() {
        assertTrue(DeskFiles.immutable("assets/index-3fa1.js"));
        assertFalse(DeskFiles.immutable("index.html"));
    }

    @Test
    void readsAcceptEncodingAsBrowsersSendIt() {
        assertTrue(DeskServlet.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(DeskServlet.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertTrue(DeskServlet.acceptsGzip("*"));
        assertFalse(DeskServlet.acceptsGzip("gzip;q=0"));
        assertFalse(DeskServlet.acceptsGzip("identity"));
        assertFalse(DeskServlet.acceptsGzip(null));
    }

    @Test
    void revalidatesByTag() {
        assertTrue(DeskServlet.matches("\"abc\"", "\"abc\""));
        assertTrue(DeskServlet.matches("\"x\", W/\"abc\"", "\"abc\""));
        assertFalse(DeskServlet.matches("\"abd\"", "\"abc\""));
        assertFalse(DeskServlet.matches(null, "\"abc\""));
    }

    private static URL url(byte[] bytes) {
        try {
            return new URL(null, "bytes:x", new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public java.io.InputStream getInputStream() {
                            return new ByteArrayInputStream(bytes);
                        }
                    };
                }
            });
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
