package org.reception.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.reception.cases.reports.ReportKind;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Statistics;

/**
 * What one periodic analysis report (信访形势分析报告) says: the statistics of a jurisdiction for a
 * month, a quarter or a year, as the platform counts them ({@code docs/analysis.md}), with the
 * monthly trend and the hot topics. Figures only: no personal data.
 *
 * @param kind the report's kind (月报, 季报, 年报), which names the period in the title
 * @param jurisdiction the division code of the report (2, 4 or 6 digits)
 * @param jurisdictionName its name, e.g. {@code 贵州省}
 * @param period the month, quarter or year reported
 * @param generatedAt when the report is written (shown in China Standard Time)
 * @param byDivision the period's statistics by division; its totals (with the period before, 环比, and
 *                   the same period a year before, 同比) are the report's overall figures
 * @param byCategory the same by category
 * @param byType the same by petition type
 * @param byChannel the same by channel
 * @param trend the monthly points, oldest first, usually the 12 months ending with the period
 * @param hotTopics the hot topics (热点问题) of the period, may be empty
 */
public record ReportContent(ReportKind kind, String jurisdiction, String jurisdictionName, Period period,
                            Instant generatedAt, Statistics byDivision, Statistics byCategory, Statistics byType,
                            Statistics byChannel, List<TrendPoint> trend, List<HotTopic> hotTopics) {

    /**
     * One month of the trend.
     *
     * @param label the month as the chart names it, e.g. {@code 3月} or {@code 2026年3月}
     * @param registered petitions received in it
     * @param disposedOnTimeRate its share of dispositions on time (0 to 1), {@code null} when none was due
     * @param handledOnTimeRate its share of replies on time (0 to 1), {@code null} when none was due
     */
    public record TrendPoint(String label, long registered, Double disposedOnTimeRate, Double handledOnTimeRate) {

        public TrendPoint {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A hot topic: a term petitions of the period are about.
     *
     * @param term the topic, e.g. {@code 拖欠农民工工资}
     * @param count petitions of the period about it
     * @param previousCount petitions of the period before about it (环比)
     */
    public record HotTopic(String term, long count, long previousCount) {

        public HotTopic {
            Objects.requireNonNull(term, "term");
        }
    }

    public ReportContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(jurisdictionName, "jurisdictionName");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        requireBy(byDivision, Dimension.DIVISION, "byDivision");
        requireBy(byCategory, Dimension.CATEGORY, "byCategory");
        requireBy(byType, Dimension.TYPE, "byType");
        requireBy(byChannel, Dimension.CHANNEL, "byChannel");
        trend = trend == null ? List.of() : List.copyOf(trend);
        hotTopics = hotTopics == null ? List.of() : List.copyOf(hotTopics);
    }

    private static void requireBy(Statistics statistics, Dimension by, String name) {
        Objects.requireNonNull(statistics, name);
        if (statistics.by() != null && statistics.by() != by) {
            throw new IllegalArgumentException(name + " is a breakdown by " + statistics.by() + ", not by " + by);
        }
    }
}
