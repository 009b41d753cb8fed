package org.reception.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The flow of a report over A4 pages: a cursor going down the page, paragraphs wrapped the Chinese
 * way, headings kept with what follows, tables that go on over pages with their header row again,
 * and room kept for the charts. Lengths in points; PDF's origin is the page's bottom left corner.
 */
final class Pages implements AutoCloseable {

    static final PDRectangle A4 = PDRectangle.A4;
    /** Margins after GB/T 9704 (official documents), a little narrower at top and bottom for the tables. */
    static final float LEFT = mm(28);
    static final float RIGHT = A4.getWidth() - mm(26);
    static final float TOP = A4.getHeight() - mm(30);
    static final float BOTTOM = mm(26);
    static final float WIDTH = RIGHT - LEFT;

    static final float[] BLACK = {0.08f, 0.08f, 0.08f};
    static final float[] DARK = {0.25f, 0.25f, 0.25f};
    static final float[] GREY = {0.45f, 0.45f, 0.45f};
    static final float[] RULE = {0.55f, 0.55f, 0.55f};
    static final float[] LIGHT = {0.85f, 0.85f, 0.85f};
    static final float[] HEADER_FILL = {0.90f, 0.91f, 0.93f};
    static final float[] STRIPE_FILL = {0.965f, 0.968f, 0.975f};
    static final float[] TOTAL_FILL = {0.93f, 0.93f, 0.93f};

    static final float BODY = 12f;
    static final float LEADING = 21f;

    /** No line starts with these (closing punctuation, 避头尾). */
    private static final String NO_START = "，。、；：？！）》」』”’】〕〉…％,.;:?!)]}%·";
    /** No line ends with these (opening punctuation). */
    private static final String NO_END = "（《「『“‘【〔〈([{";

    final PDDocument document;
    final ReportFont font;
    private final String runningTitle;
    private PDPageContentStream stream;
    /** The top of the space left on the page. */
    float y;

    Pages(PDDocument document, ReportFont font, String runningTitle) {
        this.document = document;
        this.font = font;
        this.runningTitle = runningTitle;
        newPage();
    }

    static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    PDPageContentStream stream() {
        return stream;
    }

    void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Goes to the next page unless {@code height} fits on this one. */
    void need(float height) {
        if (y - height < BOTTOM && y < TOP) {
            newPage();
        }
    }

    void space(float height) {
        y -= height;
    }

    // ---- text ----

    /** Draws clean text with its baseline at {@code (x, baseline)}; bold is the regular font stroked. */
    void text(String clean, float x, float baseline, float size, float[] colour, boolean bold) {
        if (clean.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(font.pdf, size);
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            if (bold) {
                stream.setStrokingColor(colour[0], colour[1], colour[2]);
                stream.setLineWidth(size * 0.035f);
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
            }
            stream.newLineAtOffset(x, baseline);
            stream.showText(clean);
            if (bold) {
                stream.setRenderingMode(RenderingMode.FILL);
            }
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(String clean, float size) {
        return font.width(clean, size);
    }

    /** Text centred on {@code centre}. */
    void centred(String clean, float centre, float baseline, float size, float[] colour, boolean bold) {
        text(clean, centre - width(clean, size) / 2, baseline, size, colour, bold);
    }

    /** Text ending at {@code right}. */
    void rightAligned(String clean, float right, float baseline, float size, float[] colour, boolean bold) {
        text(clean, right - width(clean, size), baseline, size, colour, bold);
    }

    /**
     * Breaks text into lines no wider than {@code width} (the first no wider than {@code first}): at
     * any character between Chinese characters, never inside a number or a Latin word, never with
     * closing punctuation at a line's start nor opening punctuation at its end.
     */
    List<String> wrap(String text, float size, float first, float width) {
        return wrap(text, size, first, width, 0f);
    }

    /**
     * @param squeeze how far closing punctuation may go past the width (a paragraph's justification
     *                then narrows the line: full-width punctuation has room to spare, 标点挤压)
     */
    List<String> wrap(String text, float size, float first, float width, float squeeze) {
        String clean = font.clean(text);
        List<String> tokens = tokens(clean);
        List<String> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        float used = 0;
        for (String token : tokens) {
            float limit = lines.isEmpty() ? first : width;
            float w = width(token, size);
            if (line.isEmpty() && token.isBlank()) {
                continue;
            }
            boolean closing = NO_START.contains(token.substring(0, 1)) && token.codePointAt(0) >= 0x2000;
            if (used + w <= limit + 0.01f || closing && used + w <= limit + squeeze) {
                line.add(token);
                used += w;
                continue;
            }
            List<String> carried = new ArrayList<>();
            if (NO_START.contains(token.substring(0, 1))) {
                // Closing punctuation takes the character before it (and any closing one before that) along.
                while (line.size() > 1) {
                    carried.add(0, line.remove(line.size() - 1));
                    if (!NO_START.contains(carried.get(0).substring(0, 1))) {
                        break;
                    }
                }
            }
            while (line.size() > 1 && NO_END.contains(line.get(line.size() - 1))) {
                carried.add(0, line.remove(line.size() - 1));
            }
            if (line.isEmpty()) {
                // One token wider than a line: cut it where it must be cut.
                cut(token, size, limit, width, lines, line);
                used = width(String.join("", line), size);
                continue;
            }
            lines.add(String.join("", line).stripTrailing());
            line.clear();
            line.addAll(carried);
            if (!token.isBlank()) {
                line.add(token);
            }
            used = width(String.join("", line), size);
            if (used > width) {
                List<String> again = new ArrayList<>(line);
                line.clear();
                cut(String.join("", again), size, width, width, lines, line);
                used = width(String.join("", line), size);
            }
        }
        if (!line.isEmpty()) {
            lines.add(String.join("", line).stripTrailing());
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private void cut(String token, float size, float first, float width, List<String> lines, List<String> line) {
        StringBuilder part = new StringBuilder();
        float limit = first;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (part.length() > 0 && width(part + ch, size) > limit) {
                lines.add(part.toString());
                part.setLength(0);
                limit = width;
            }
            part.append(ch);
            i += Character.charCount(cp);
        }
        line.clear();
        if (part.length() > 0) {
            line.add(part.toString());
        }
    }

    /** Runs of Latin letters, digits and what goes with them ({@code 12.5%}, {@code <3}) stay whole. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean latin = cp < 0x2000 && !Character.isWhitespace(cp) && "()[]{},;:!?".indexOf(cp) < 0;
            if (latin) {
                run.appendCodePoint(cp);
                continue;
            }
            if (run.length() > 0) {
                tokens.add(run.toString());
                run.setLength(0);
            }
            tokens.add(new String(Character.toChars(cp)));
        }
        if (run.length() > 0) {
            tokens.add(run.toString());
        }
        return tokens;
    }

    /**
     * A paragraph of body text: the first line indented by {@code indent}, every line but the last
     * justified to the full width (the Chinese way, by spacing the characters).
     */
    void paragraph(String text, float size, float leading, float indent, float[] colour) {
        List<String> lines = wrap(text, size, WIDTH - indent, WIDTH, size * 0.5f);
        for (int i = 0; i < lines.size(); i++) {
            need(leading);
            float x = LEFT + (i == 0 ? indent : 0);
            float room = RIGHT - x;
            String line = lines.get(i);
            float baseline = y - size * 0.88f - (leading - size) / 2;
            List<String> tokens = tokens(line);
            float slack = room - width(line, size);
            float gap = tokens.size() > 1 ? slack / (tokens.size() - 1) : 0;
            if (i < lines.size() - 1 && gap != 0 && gap > -size * 0.25f && gap < size * 0.6f
                    || slack < 0 && tokens.size() > 1) {
                // Justified: the room left is shared between the characters, numbers kept whole.
                for (String token : tokens) {
                    text(token, x, baseline, size, colour, false);
                    x += width(token, size) + gap;
                }
            } else {
                text(line, x, baseline, size, colour, false);
            }
            y -= leading;
        }
    }

    void body(String text) {
        paragraph(text, BODY, LEADING, 2 * BODY, BLACK);
    }

    /** A numbered section's title, kept on a page with at least three lines after it. */
    void heading(String title) {
        float size = 15f;
        space(10);
        need(size + 12 + 3 * LEADING);
        text(font.clean(title), LEFT, y - size * 0.9f, size, BLACK, true);
        y -= size + 10;
    }

    // ---- tables ----

    enum Align { LEFT, CENTRE, RIGHT }

    /**
     * A table's column.
     *
     * @param header its header, a line break where it should break
     * @param weight its share of the width left when every column has the room it needs
     * @param align how its cells are aligned; only left-aligned (text) columns wrap when room is short
     */
    record Column(String header, float weight, Align align) {

        static Column text(String header, float weight) {
            return new Column(header, weight, Align.LEFT);
        }

        static Column number(String header, float weight) {
            return new Column(header, weight, Align.RIGHT);
        }

        static Column centred(String header, float weight) {
            return new Column(header, weight, Align.CENTRE);
        }

        boolean numeric() {
            return align != Align.LEFT;
        }
    }

    record Table(String caption, String unit, List<Column> columns, List<List<String>> rows, List<String> total) {
    }

    private static final float CELL = 9f;
    private static final float CELL_LEADING = 11.5f;
    private static final float PAD_V = 3.6f;
    private static final float PAD_H = 3f;

    /**
     * A table with its caption above. Each column is as wide as its widest header line and cell, and
     * what is left of the width goes to the columns by their weight; when the columns are too wide
     * together, the text columns wrap. On a new page the table goes on under its caption (续) with its
     * header again; it starts with at least three rows and leaves at least three (the total among
     * them) for the next page. A table of up to a third of a page is not broken.
     */
    void table(Table table) {
        int n = table.columns().size();
        float[] widths = widths(table);
        List<List<String>> header = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> lines = new ArrayList<>();
            for (String part : table.columns().get(i).header().split("\n")) {
                lines.addAll(wrap(part, CELL, widths[i] - 2 * PAD_H, widths[i] - 2 * PAD_H));
            }
            header.add(lines);
        }
        float headerHeight = height(header);
        List<List<List<String>>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            rows.add(cells(row, widths));
        }
        List<List<String>> total = table.total() == null ? null : cells(table.total(), widths);
        if (total != null) {
            rows.add(total);
        }

        float captionHeight = 20f;
        float start = captionHeight + headerHeight + 2;
        float whole = start;
        for (int r = 0; r < rows.size(); r++) {
            whole += height(rows.get(r));
            if (r < 3) {
                start = whole;
            }
        }
        space(4);
        // A table of up to a third of a page is kept on one page; a longer one starts with three rows at least.
        need(whole <= (TOP - BOTTOM) / 3 ? whole : start);
        caption(table, false);
        float top = y;
        header(header, widths, headerHeight);
        int last = rows.size() - 1;
        for (int r = 0; r <= last; r++) {
            boolean isTotal = total != null && r == last;
            List<List<String>> row = rows.get(r);
            float h = height(row);
            float rest = 0;
            for (int k = r; k <= last; k++) {
                rest += height(rows.get(k));
            }
            boolean fewLeft = last - r < 3 && r >= 3 && y < top - 1;
            if (y - h < BOTTOM || fewLeft && y - rest < BOTTOM) {
                frame(widths, top, y);
                newPage();
                caption(table, true);
                top = y;
                header(header, widths, headerHeight);
            }
            float[] fill = isTotal ? TOTAL_FILL : r % 2 == 1 ? STRIPE_FILL : null;
            if (fill != null) {
                rect(LEFT, y - h, WIDTH, h, fill);
            }
            float x = LEFT;
            for (int i = 0; i < n; i++) {
                cell(row.get(i), x, widths[i], y, h, table.columns().get(i).align(), isTotal);
                x += widths[i];
            }
            line(LEFT, y - h, RIGHT, y - h, 0.4f, LIGHT);
            y -= h;
        }
        frame(widths, top, y);
        space(12);
    }

    private float[] widths(Table table) {
        int n = table.columns().size();
        float[] natural = new float[n];
        List<List<String>> all = new ArrayList<>(table.rows());
        if (table.total() != null) {
            all.add(table.total());
        }
        for (int i = 0; i < n; i++) {
            Column column = table.columns().get(i);
            float widest = 0;
            for (String line : column.header().split("\n")) {
                widest = Math.max(widest, width(font.clean(line), CELL) * 1.04f);
            }
            for (List<String> row : all) {
                if (i < row.size() && row.get(i) != null) {
                    float w = width(font.clean(row.get(i)), CELL) * (row == table.total() ? 1.04f : 1f);
                    widest = Math.max(widest, column.numeric() ? w : Math.min(w, WIDTH * 0.4f));
                }
            }
            natural[i] = widest + 2 * PAD_H + 2;
        }
        float sum = 0;
        float weights = 0;
        float flexible = 0;
        for (int i = 0; i < n; i++) {
            sum += natural[i];
            weights += table.columns().get(i).weight();
            flexible += table.columns().get(i).numeric() ? 0 : natural[i];
        }
        float[] widths = new float[n];
        if (sum <= WIDTH) {
            for (int i = 0; i < n; i++) {
                widths[i] = natural[i] + (WIDTH - sum) * table.columns().get(i).weight() / weights;
            }
            return widths;
        }
        float room = WIDTH - (sum - flexible);
        for (int i = 0; i < n; i++) {
            boolean text = !table.columns().get(i).numeric();
            widths[i] = room > 40f && flexible > 0 ? text ? room * natural[i] / flexible : natural[i]
                    : natural[i] * WIDTH / sum;
        }
        return widths;
    }

    private List<List<String>> cells(List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String value = i < row.size() && row.get(i) != null ? row.get(i) : "";
            cells.add(wrap(value, CELL, widths[i] - 2 * PAD_H, widths[i] - 2 * PAD_H));
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * CELL_LEADING + 2 * PAD_V;
    }

    private void caption(Table table, boolean continued) {
        float size = 10.5f;
        float baseline = y - 13f;
        String caption = font.clean(table.caption() + (continued ? "（续）" : ""));
        centred(caption, LEFT + WIDTH / 2, baseline, size, BLACK, true);
        if (table.unit() != null) {
            rightAligned(font.clean(table.unit()), RIGHT, baseline, 9f, GREY, false);
        }
        y -= 20f;
    }

    private void header(List<List<String>> header, float[] widths, float height) {
        rect(LEFT, y - height, WIDTH, height, HEADER_FILL);
        float x = LEFT;
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = header.get(i);
            float block = lines.size() * CELL_LEADING;
            float first = y - (height - block) / 2 - CELL_LEADING / 2 - CELL * 0.36f;
            for (int k = 0; k < lines.size(); k++) {
                centred(lines.get(k), x + widths[i] / 2, first - k * CELL_LEADING, CELL, BLACK, true);
            }
            x += widths[i];
        }
        line(LEFT, y - height, RIGHT, y - height, 0.6f, RULE);
        y -= height;
    }

    private void cell(List<String> lines, float x, float width, float top, float height, Align align,
                      boolean bold) {
        float block = lines.size() * CELL_LEADING;
        float first = top - (height - block) / 2 - CELL_LEADING / 2 - CELL * 0.36f;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            float baseline = first - k * CELL_LEADING;
            switch (align) {
                case RIGHT -> rightAligned(line, x + width - PAD_H - 1, baseline, CELL, BLACK, bold);
                case CENTRE -> centred(line, x + width / 2, baseline, CELL, BLACK, bold);
                case LEFT -> text(line, x + PAD_H + 1, baseline, CELL, BLACK, bold);
            }
        }
    }

    /** The outer border and the column rules of a table's part on one page. */
    private void frame(float[] widths, float top, float bottom) {
        float x = LEFT;
        for (int i = 1; i < widths.length; i++) {
            x += widths[i - 1];
            line(x, top, x, bottom, 0.4f, LIGHT);
        }
        line(LEFT, top, RIGHT, top, 1.0f, DARK);
        line(LEFT, bottom, RIGHT, bottom, 1.0f, DARK);
        line(LEFT, top, LEFT, bottom, 0.6f, RULE);
        line(RIGHT, top, RIGHT, bottom, 0.6f, RULE);
    }

    // ---- drawing ----

    void rect(float x, float y0, float w, float h, float[] fill) {
        try {
            stream.setNonStrokingColor(fill[0], fill[1], fill[2]);
            stream.addRect(x, y0, w, h);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x0, float y0, float x1, float y1, float width, float[] colour) {
        try {
            stream.setStrokingColor(colour[0], colour[1], colour[2]);
            stream.setLineWidth(width);
            stream.moveTo(x0, y0);
            stream.lineTo(x1, y1);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running title on every page but the first, and "第 n 页 共 m 页" at the foot of every page. */
    void finish() {
        try {
            stream.close();
            stream = null;
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream foot = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream = foot;
                    String number = font.clean("第 " + (i + 1) + " 页 共 " + count + " 页");
                    centred(number, LEFT + WIDTH / 2, mm(14), 9f, DARK, false);
                    if (i > 0) {
                        float baseline = A4.getHeight() - mm(17);
                        text(font.clean(runningTitle), LEFT, baseline, 8.5f, GREY, false);
                        line(LEFT, baseline - 5, RIGHT, baseline - 5, 0.5f, RULE);
                    }
                }
            }
            stream = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stream = null;
            }
        }
    }
}
