package org.reception.cases.reports;

import java.time.Instant;

import org.reception.cases.statistics.Period;

/**
 * A report kept by the platform, without its document.
 *
 * @param id its number, to download it by
 * @param title its title, e.g. {@code 贵州省信访形势分析报告（2026年3月）}, also its file's name
 * @param generatedBy the account that asked for it, or {@code schedule}
 * @param bytes the size of its document
 */
public record StoredReport(long id, ReportKind kind, String jurisdiction, String title, Period period,
                           Instant generatedAt, String generatedBy, long bytes) {
}
