package org.reception.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.reception.cases.Violation;

/**
 * The tables of the analysis as files a spreadsheet opens in Chinese: CSV (one table) and Excel
 * workbooks (one sheet per table). A figure stays a number; everything else is text, never a formula.
 */
final class Tables {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";
    /** Excel reads a CSV file as UTF-8 only when it starts with the byte order mark. */
    private static final String BOM = "\uFEFF";

    /** A table: its sheet's name in a workbook, then its rows, the first of them the header. */
    record Table(String sheet, List<List<Object>> rows) {
    }

    /** A file's name without its extension, as written (Chinese allowed) and in ASCII for older clients. */
    record FileName(String ascii, String written) {
    }

    /** What an answer is written as: asked by {@code format}, else by {@code Accept}, else JSON. */
    enum Format {
        JSON, CSV, XLSX;

        static Format of(String format, HttpHeaders headers, List<Violation> violations) {
            if (format != null && !format.isBlank()) {
                try {
                    return valueOf(format.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("format", "must be json, csv or xlsx"));
                    return JSON;
                }
            }
            if (headers == null) {
                return JSON;
            }
            for (MediaType type : headers.getAcceptableMediaTypes()) {
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                    return JSON;
                }
                if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                    return CSV;
                }
                if (!type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatible(MediaType.valueOf(Tables.XLSX))) {
                    return XLSX;
                }
            }
            return JSON;
        }
    }

    private Tables() {
    }

    /** The place an analysis is asked for: a province, city or county by its 2, 4 or 6 digits. */
    static void checkDivision(String jurisdiction, List<Violation> violations) {
        if (jurisdiction == null || !jurisdiction.strip().matches("\\d{2}|\\d{4}|\\d{6}")) {
            violations.add(new Violation("jurisdiction", "must be the code of a division (2, 4 or 6 digits), such as 5201"));
        }
    }

    /**
     * The file of a CSV or XLSX answer.
     *
     * @param csv the one table a CSV file holds
     * @param workbook every table, a sheet each
     */
    static Response file(Format format, Table csv, List<Table> workbook, FileName name) throws IOException {
        String extension = format == Format.CSV ? ".csv" : ".xlsx";
        Response.ResponseBuilder answer = format == Format.CSV ? Response.ok(BOM + csv(csv), CSV_UTF8)
                : Response.ok(xlsx(workbook), XLSX);
        return answer.header("Content-Disposition", contentDisposition(name.ascii() + extension,
                name.written() + extension)).build();
    }

    static String csv(Table table) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(cell(row.get(i) == null ? "" : row.get(i).toString()));
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** Quoted when it must be (RFC 4180), and a leading formula character made inert for spreadsheets. */
    private static String cell(String cell) {
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** The tables as an Excel workbook (fastexcel), a sheet each: numbers as numbers, the rest as text. */
    static byte[] xlsx(List<Table> tables) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(file, "Reception", "1.0");
        for (Table table : tables) {
            Worksheet sheet = workbook.newWorksheet(table.sheet());
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
        }
        workbook.finish();
        return file.toByteArray();
    }

    /** {@code attachment} with the name in RFC 5987's form and an ASCII fallback for older clients. */
    static String contentDisposition(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
