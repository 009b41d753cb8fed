package org.reception.desk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The desk's built files, read once from the bundle and kept in memory with their gzip form and a
 * strong ETag. The files are few and small (the build splits them into hashed chunks), and they never
 * change while the bundle runs: a new build is a new bundle.
 */
final class DeskFiles {

    /** A path under /desk/ as the build names files: no dot segments, no backslashes, nothing odd. */
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));
    /** Below this a file is sent as it is: gzip would save nothing worth the work. */
    private static final int COMPRESS_FROM = 512;

    /** One file as served: its bytes, gzip form (or null when not worth it), type and ETag. */
    record File(byte[] bytes, byte[] gzipped, String contentType, String etag) {
    }

    private final Function<String, URL> resources;
    /** The files found so far; never a miss, which anyone could otherwise fill the memory with. */
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /** @param resources finds a file of the build by its path under {@code desk/} in the bundle */
    DeskFiles(Function<String, URL> resources) {
        this.resources = resources;
    }

    /** The file at this path under /desk/, or empty for anything else (a bad path included). */
    Optional<File> find(String path) {
        if (path == null || path.length() > 200 || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        File known = cache.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<File> loaded = load(path);
        loaded.ifPresent(file -> cache.putIfAbsent(path, file));
        return loaded;
    }

    /** Built files with a content hash in their name: they never change under that name. */
    static boolean immutable(String path) {
        return path.startsWith("assets/");
    }

    private Optional<File> load(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        URL url = resources.apply(path);
        if (type == null || url == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the desk's " + path, e);
        }
        boolean compressible = type.startsWith("text/") || type.startsWith("application/json")
                || type.startsWith("image/svg");
        byte[] gzipped = compressible && bytes.length >= COMPRESS_FROM ? gzip(bytes) : null;
        return Optional.of(new File(bytes, gzipped, type, "\"" + sha256(bytes).substring(0, 32) + "\""));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
