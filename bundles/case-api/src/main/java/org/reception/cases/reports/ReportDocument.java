package org.reception.cases.reports;

/**
 * A report with its document.
 *
 * @param pdf the document: a PDF with its fonts embedded
 */
public record ReportDocument(StoredReport report, byte[] pdf) {
}
