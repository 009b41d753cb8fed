package org.reception.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's one font, Noto Serif SC Regular (SIL OFL 1.1, see {@code fonts/NOTICE} in the bundle),
 * embedded as a subset in each document. The font file is read from the bundle and parsed once;
 * documents use it one at a time ({@link #LOCK}).
 */
final class ReportFont {

    /** Where the build puts the font in the bundle (and on the test class path). */
    static final String RESOURCE = "/fonts/NotoSerifSC_400Regular.ttf";

    /** Held while a document is written with the font: the parsed font is read as glyphs are subset. */
    static final Object LOCK = new Object();

    /** What stands in for a character the font has no glyph for. */
    private static final int MISSING = '?';

    private static TrueTypeFont parsed;

    final PDType0Font pdf;
    private final CmapLookup cmap;
    private final Map<Integer, Boolean> covered = new HashMap<>();
    private final Map<Integer, Float> widths = new HashMap<>();

    private ReportFont(PDType0Font pdf, TrueTypeFont ttf) throws IOException {
        this.pdf = pdf;
        this.cmap = ttf.getUnicodeCmapLookup();
    }

    /** The font, to be embedded (as the subset used) in {@code document}; call it holding {@link #LOCK}. */
    static ReportFont load(PDDocument document) throws IOException {
        assert Thread.holdsLock(LOCK);
        TrueTypeFont ttf = font();
        // The document does not close the font: it serves the next document.
        return new ReportFont(PDType0Font.load(document, ttf, true), ttf);
    }

    private static TrueTypeFont font() throws IOException {
        if (parsed == null) {
            try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the report font " + RESOURCE
                            + " is missing from the bundle (the build copies it from the npm registry's"
                            + " @expo-google-fonts/noto-serif-sc)");
                }
                parsed = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            }
        }
        return parsed;
    }

    /**
     * The text as the font can show it: line breaks and tabs become spaces, other control characters
     * go, and a character without a glyph becomes {@code ?} (never a blank box).
     */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || cp == 0xFEFF) {
                return;
            } else if (covered.computeIfAbsent(cp, c -> cmap.getGlyphId(c) != 0)) {
                out.appendCodePoint(cp);
            } else {
                out.appendCodePoint(MISSING);
            }
        });
        return out.toString();
    }

    /** The width of (clean) text at {@code size} points. */
    float width(String text, float size) {
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            total += widths.computeIfAbsent(cp, this::glyphWidth);
            i += Character.charCount(cp);
        }
        return total / 1000f * size;
    }

    private float glyphWidth(int cp) {
        try {
            return pdf.getStringWidth(new String(Character.toChars(cp)));
        } catch (IOException | IllegalArgumentException e) {
            return 1000f;
        }
    }
}
