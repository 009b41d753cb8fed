package org.reception.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.reception.cases.Category;
import org.reception.cases.PlatformTime;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsRow;

/**
 * Writes the periodic analysis report (信访形势分析报告) of a jurisdiction as a PDF document: A4, in
 * the embedded Noto Serif SC, its title and seven sections (总体情况, 分地区情况, 分类别情况, 办理时效,
 * 群众满意度, 热点问题, 下一步工作建议) with their tables, bar charts and trend lines, and "第 n 页 共 m
 * 页" at the foot of each page. Every number in it is one of the figures it is given, or a share or
 * change worked out from them. Pure: no service, no clock. Safe to use from several threads; the
 * documents are written one at a time (they share the parsed font).
 */
public final class AnalysisReportWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final String[] QUARTERS = {"一", "二", "三", "四"};
    /** At most this many bars in a chart; the table has every row. */
    private static final int MAX_BARS = 15;

    /** The report as a PDF document. */
    public byte[] pdf(ReportContent content) {
        synchronized (ReportFont.LOCK) {
            try (PDDocument document = new PDDocument()) {
                ReportFont font = ReportFont.load(document);
                String title = title(content);
                describe(document, content, title);
                try (Pages pages = new Pages(document, font, title)) {
                    new Report(content, pages, title).write();
                    pages.finish();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the analysis report", e);
            }
        }
    }

    /** "贵州省信访形势分析报告（2026年3月）", （2026年第一季度）, （2026年度）. */
    static String title(ReportContent content) {
        return content.jurisdictionName() + "信访形势分析报告（" + periodTitle(content) + "）";
    }

    private static String periodTitle(ReportContent content) {
        LocalDate from = content.period().from();
        return switch (content.kind()) {
            case MONTHLY -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTERLY -> from.getYear() + "年第" + QUARTERS[(from.getMonthValue() - 1) / 3] + "季度";
            case ANNUAL -> from.getYear() + "年度";
        };
    }

    private static void describe(PDDocument document, ReportContent content, String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject("信访形势分析报告（" + content.kind().label() + "）：" + content.jurisdictionName() + " "
                + content.jurisdiction());
        info.setCreator("Reception");
        Calendar created = GregorianCalendar.from(content.generatedAt().atZone(PlatformTime.ZONE));
        created.setTimeZone(TimeZone.getTimeZone(PlatformTime.ZONE));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("zh-CN");
    }

    /** One report being written. */
    private static final class Report {

        private final ReportContent content;
        private final Pages pages;
        private final Charts charts;
        private final String title;
        private final Figures total;
        private final Figures previous;
        private final Figures lastYear;
        private final boolean lastYearIsPrevious;
        private final String whole;
        private final int minimumCell;
        private int tables;
        private int figures;

        Report(ReportContent content, Pages pages, String title) {
            this.content = content;
            this.pages = pages;
            this.charts = new Charts(pages);
            this.title = title;
            Statistics main = content.byDivision();
            this.total = main.total() == null ? Figures.ZERO : main.total();
            this.previous = main.previousTotal();
            this.lastYear = main.lastYearTotal();
            this.lastYearIsPrevious = main.previousPeriod() != null
                    && main.previousPeriod().equals(main.lastYearPeriod());
            this.whole = whole(content.jurisdictionName());
            this.minimumCell = main.minimumCell();
        }

        void write() {
            head();
            overall();
            divisions();
            categories();
            timeliness();
            satisfaction();
            topics();
            suggestions();
            notes();
        }

        // ---- the head ----

        private void head() {
            float size = 22f;
            ReportFont font = pages.font;
            List<String> lines = new ArrayList<>();
            String clean = font.clean(title);
            if (pages.width(clean, size) <= Pages.WIDTH) {
                lines.add(clean);
            } else {
                int open = clean.indexOf('（');
                lines.add(clean.substring(0, open));
                lines.add(clean.substring(open));
            }
            pages.space(6);
            for (String line : lines) {
                pages.centred(line, Pages.LEFT + Pages.WIDTH / 2, pages.y - size * 0.9f, size, Pages.BLACK, true);
                pages.y -= size + 12;
            }
            pages.space(4);
            Statistics main = content.byDivision();
            String period = "统计期间：" + DAY.format(content.period().from()) + "至" + DAY.format(content.period().to());
            String asOf = main.asOf() == null ? "" : "　数据截至：" + DAY.format(main.asOf());
            String generated = "生成时间：" + MINUTE.format(content.generatedAt().atZone(PlatformTime.ZONE))
                    + "（北京时间）　行政区划代码：" + content.jurisdiction();
            for (String line : List.of(period + asOf, generated)) {
                pages.centred(font.clean(line), Pages.LEFT + Pages.WIDTH / 2, pages.y - 10.5f, 10f, Pages.DARK,
                        false);
                pages.y -= 17;
            }
            pages.space(4);
            pages.line(Pages.LEFT, pages.y, Pages.RIGHT, pages.y, 1.2f, Charts.RED);
            pages.line(Pages.LEFT, pages.y - 2.5f, Pages.RIGHT, pages.y - 2.5f, 0.4f, Charts.RED);
            pages.space(16);
            pages.body("根据信访工作平台登记和办理数据，现将" + when() + whole + "信访形势分析如下。");
        }

        // ---- 一、总体情况 ----

        private void overall() {
            pages.heading("一、总体情况");
            StringBuilder p = new StringBuilder();
            p.append(when()).append("，").append(whole).append("共登记信访事项").append(total.registered())
                    .append("件，涉及群众").append(total.people()).append("人次");
            String compared = comparisons(Figures::registered, "登记量");
            p.append(compared.isEmpty() ? "。" : "。" + compared + "。");
            pages.body(p.toString());

            StringBuilder q = new StringBuilder("其中，集体访").append(count(total, "groupVisits")).append("批")
                    .append(count(total, "groupVisitPeople")).append("人次");
            String groups = briefComparisons(f -> count(f, "groupVisits"));
            q.append(groups.isEmpty() ? "" : "，批次" + groups);
            q.append("；检举控告类信访事项").append(count(total, "accusations")).append("件");
            if (total.registered() > 0) {
                q.append("，占登记总量的").append(share(count(total, "accusations"), total.registered()));
            }
            q.append("。");
            pages.body(q.toString());

            String channels = ranking(content.byChannel(), 7);
            if (!channels.isEmpty()) {
                pages.body("从信访渠道看，" + channels + "。");
            }
            String types = ranking(content.byType(), 4);
            if (!types.isEmpty()) {
                pages.body("从信访类型看，" + types + "。");
            }

            List<String[]> measures = List.of(new String[] {"登记信访事项（件）", "registered"},
                    new String[] {"涉及群众（人次）", "people"}, new String[] {"集体访（批）", "groupVisits"},
                    new String[] {"集体访人数（人次）", "groupVisitPeople"},
                    new String[] {"检举控告类（件）", "accusations"});
            comparisonTable("总体情况", measures);
        }

        /** "与上月（2026年2月）相比，登记量上升5.2%；与去年同期（2025年3月）相比，下降3.1%". */
        private String comparisons(Function<Figures, Long> figure, String what) {
            long now = figure.apply(total);
            List<String> parts = new ArrayList<>();
            Statistics main = content.byDivision();
            if (previous != null) {
                parts.add("与" + previousName() + "（" + periodName(main.previousPeriod()) + "）相比，" + what
                        + change(now, figure.apply(previous)));
            }
            if (lastYear != null && !lastYearIsPrevious) {
                parts.add("与去年同期（" + periodName(main.lastYearPeriod()) + "）相比，"
                        + change(now, figure.apply(lastYear)));
            }
            return String.join("；", parts);
        }

        /** "环比上升7.3%、同比下降5.8%", or "比上年上升7.3%" when the period before is the year before. */
        private String briefComparisons(Function<Figures, Long> figure) {
            long now = figure.apply(total);
            List<String> parts = new ArrayList<>();
            if (previous != null) {
                parts.add((lastYearIsPrevious ? "比上年" : "环比") + change(now, figure.apply(previous)));
            }
            if (lastYear != null && !lastYearIsPrevious) {
                parts.add("同比" + change(now, figure.apply(lastYear)));
            }
            return String.join("、", parts);
        }

        /** A small table of measures: this period, the period before and the change, the year before and the change. */
        private void comparisonTable(String caption, List<String[]> measures) {
            List<Pages.Column> columns = new ArrayList<>();
            columns.add(Pages.Column.text("指标", 2f));
            columns.add(Pages.Column.number(shortNow(), 1f));
            if (previous != null) {
                columns.add(Pages.Column.number(previousName(), 1f));
                columns.add(Pages.Column.number(lastYearIsPrevious ? "同比" : "环比", 1f));
            }
            if (lastYear != null && !lastYearIsPrevious) {
                columns.add(Pages.Column.number("去年同期", 1f));
                columns.add(Pages.Column.number("同比", 1f));
            }
            Map<String, Number> now = total.byName();
            Map<String, Number> before = previous == null ? null : previous.byName();
            Map<String, Number> yearBefore = lastYear == null ? null : lastYear.byName();
            List<List<String>> rows = new ArrayList<>();
            for (String[] measure : measures) {
                String name = measure[1];
                boolean rate = Figures.RATES.containsKey(name);
                List<String> row = new ArrayList<>();
                row.add(measure[0]);
                row.add(value(now.get(name), rate));
                if (before != null) {
                    row.add(value(before.get(name), rate));
                    row.add(rate ? points(now.get(name), before.get(name)) : changeCell(now.get(name), before.get(name)));
                }
                if (yearBefore != null && !lastYearIsPrevious) {
                    row.add(value(yearBefore.get(name), rate));
                    row.add(rate ? points(now.get(name), yearBefore.get(name))
                            : changeCell(now.get(name), yearBefore.get(name)));
                }
                rows.add(row);
            }
            pages.table(new Pages.Table(tableCaption(caption), null, columns, rows, null));
        }

        // ---- 二、分地区情况 ----

        private void divisions() {
            pages.heading("二、分地区情况");
            Statistics divisions = content.byDivision();
            List<StatisticsRow> rows = divisions.rows();
            if (rows.isEmpty()) {
                pages.body("本期无分地区数据。");
                return;
            }
            List<StatisticsRow> ranked = rankedByRegistered(rows);
            if (ranked.size() > 1) {
                StringBuilder p = new StringBuilder("从地区分布看，登记量居前的是");
                List<String> top = new ArrayList<>();
                for (StatisticsRow row : ranked.subList(0, Math.min(3, ranked.size()))) {
                    top.add(label(row) + "（" + row.figures().registered() + "件，占"
                            + share(row.figures().registered(), total.registered()) + "）");
                }
                p.append(String.join("、", top));
                StatisticsRow last = ranked.get(ranked.size() - 1);
                if (ranked.size() > 3) {
                    p.append("；登记量最少的是").append(label(last)).append("（").append(last.figures().registered())
                            .append("件）");
                }
                p.append("。各地区情况见表").append(tables + 1).append("、图").append(figures + 1).append("。");
                pages.body(p.toString());
            } else {
                pages.body("各地区情况见表" + (tables + 1) + "、图" + (figures + 1) + "。");
            }

            List<Pages.Column> columns = List.of(Pages.Column.centred("序号", 0.3f), Pages.Column.text("地区", 2f),
                    Pages.Column.number("登记\n（件）", 1f), Pages.Column.number("占比", 1f),
                    Pages.Column.number("涉及群众\n（人次）", 1f), Pages.Column.number("集体访\n（批）", 1f),
                    Pages.Column.number("检举控告\n（件）", 1f), Pages.Column.number("按期\n受理率", 1f),
                    Pages.Column.number("按期\n办结率", 1f), Pages.Column.number("超期\n（件）", 1f),
                    Pages.Column.number("满意率", 1f));
            List<String> names = Arrays.asList("registered", null, "people", "groupVisits", "accusations",
                    "disposedOnTimeRate", "handledOnTimeRate", "overdue", "satisfactionRate");
            breakdownTable("分地区信访情况", divisions, columns, names);
            bars(ranked, rows, "各地区信访登记量（件）", "登记量居前" + MAX_BARS + "位的地区（件）");
        }

        // ---- 三、分类别情况 ----

        private void categories() {
            pages.heading("三、分类别情况");
            Statistics categories = content.byCategory();
            List<StatisticsRow> rows = categories.rows();
            if (rows.isEmpty()) {
                pages.body("本期无分类别数据。");
                return;
            }
            List<StatisticsRow> ranked = rankedByRegistered(rows);
            StringBuilder p = new StringBuilder("从反映问题的类别看，");
            if (!ranked.isEmpty()) {
                List<StatisticsRow> top = ranked.subList(0, Math.min(3, ranked.size()));
                List<String> parts = new ArrayList<>();
                long sum = 0;
                for (StatisticsRow row : top) {
                    parts.add(label(row) + "（" + row.figures().registered() + "件，占"
                            + share(row.figures().registered(), total.registered()) + "）");
                    sum += row.figures().registered();
                }
                p.append(top.size() > 1 ? "排在前" + chineseCount(top.size()) + "位的是" : "主要是")
                        .append(String.join("、", parts));
                if (top.size() > 1) {
                    p.append("，合计占登记总量的").append(share(sum, total.registered()));
                }
                p.append("。");
            }
            p.append("各类别情况见表").append(tables + 1).append("、图").append(figures + 1).append("。");
            pages.body(p.toString());
            List<Pages.Column> columns = List.of(Pages.Column.centred("序号", 0.3f), Pages.Column.text("类别", 2f),
                    Pages.Column.number("登记\n（件）", 1f), Pages.Column.number("占比", 1f),
                    Pages.Column.number("涉及群众\n（人次）", 1f), Pages.Column.number("检举控告\n（件）", 1f),
                    Pages.Column.number("按期\n受理率", 1f), Pages.Column.number("按期\n办结率", 1f),
                    Pages.Column.number("满意率", 1f));
            List<String> names = Arrays.asList("registered", null, "people", "accusations", "disposedOnTimeRate",
                    "handledOnTimeRate", "satisfactionRate");
            breakdownTable("分类别信访情况", categories, columns, names);
            bars(ranked, rows, "各类别信访登记量（件）", "登记量居前" + MAX_BARS + "位的类别（件）");
        }

        /**
         * A breakdown's table: its number, the row's label, then the figures named ({@code null} is the
         * row's share of the registered total), and the total row.
         */
        private void breakdownTable(String caption, Statistics statistics, List<Pages.Column> columns,
                                    List<String> names) {
            List<List<String>> rows = new ArrayList<>();
            int number = 0;
            for (StatisticsRow row : statistics.rows()) {
                Map<String, Object> shown = row.shown(statistics.minimumCell());
                List<String> cells = new ArrayList<>();
                cells.add(String.valueOf(++number));
                cells.add(label(row));
                for (String name : names) {
                    if (name == null) {
                        Object registered = shown.get("registered");
                        cells.add(registered instanceof Number n ? share(n.longValue(), total.registered()) : "—");
                    } else {
                        cells.add(shownValue(shown.get(name), Figures.RATES.containsKey(name)));
                    }
                }
                rows.add(cells);
            }
            Figures sum = statistics.total() == null ? total : statistics.total();
            Map<String, Number> all = sum.byName();
            List<String> totals = new ArrayList<>();
            totals.add("");
            totals.add("合计");
            for (String name : names) {
                totals.add(name == null ? share(sum.registered(), total.registered())
                        : value(all.get(name), Figures.RATES.containsKey(name)));
            }
            pages.table(new Pages.Table(tableCaption(caption), null, columns, rows, totals));
        }

        private void bars(List<StatisticsRow> ranked, List<StatisticsRow> rows, String caption, String topCaption) {
            List<Charts.Bar> bars = new ArrayList<>();
            for (StatisticsRow row : ranked) {
                bars.add(new Charts.Bar(label(row), row.figures().registered(),
                        String.valueOf(row.figures().registered())));
            }
            for (StatisticsRow row : rows) {
                if (!ranked.contains(row)) {
                    Object shown = row.shown(minimumCell).get("registered");
                    bars.add(new Charts.Bar(label(row), 0, shownValue(shown, false)));
                }
            }
            boolean cut = bars.size() > MAX_BARS;
            charts.bars(figureCaption(cut ? topCaption : caption), cut ? bars.subList(0, MAX_BARS) : bars);
        }

        // ---- 四、办理时效 ----

        private void timeliness() {
            pages.heading("四、办理时效");
            StringBuilder p = new StringBuilder("本期期限届满的信访事项中，");
            if (count(total, "disposed") > 0) {
                p.append("应在15日内受理（转送、交办）的").append(count(total, "disposed")).append("件，按期")
                        .append(count(total, "disposedOnTime")).append("件，按期受理率").append(pct(total.disposedOnTimeRate()))
                        .append(pointsPhrase(total.disposedOnTimeRate(),
                                previous == null ? null : previous.disposedOnTimeRate(), previousName()));
            } else {
                p.append("无应在15日内受理（转送、交办）的信访事项");
            }
            p.append("；");
            if (count(total, "handled") > 0) {
                p.append("应在60日内（经延期的在延期后期限内）办结答复的").append(count(total, "handled")).append("件，按期办结")
                        .append(count(total, "handledOnTime")).append("件，按期办结率").append(pct(total.handledOnTimeRate()))
                        .append(pointsPhrase(total.handledOnTimeRate(),
                                previous == null ? null : previous.handledOnTimeRate(), previousName()));
            } else {
                p.append("无应在60日内办结答复的信访事项");
            }
            p.append("。");
            LocalDate asOf = content.byDivision().asOf();
            String at = asOf == null ? "目前" : "截至" + DAY.format(asOf) + "，";
            if (total.overdue() > 0) {
                p.append(at).append("本期登记的信访事项中尚有").append(total.overdue()).append("件超过办理期限未办结。");
            } else {
                p.append(at).append("本期登记的信访事项无超期未办结。");
            }
            pages.body(p.toString());

            List<String> parts = new ArrayList<>();
            lowest(content.byDivision(), "handledOnTimeRate")
                    .ifPresent(row -> parts.add("按期办结率最低的是" + label(row) + "（" + rateOf(row, "handledOnTimeRate") + "）"));
            lowest(content.byDivision(), "disposedOnTimeRate")
                    .ifPresent(row -> parts.add("按期受理率最低的是" + label(row) + "（" + rateOf(row, "disposedOnTimeRate") + "）"));
            mostOverdue().ifPresent(row -> parts.add("超期未办结最多的是" + label(row) + "（"
                    + row.figures().overdue() + "件）"));
            if (!parts.isEmpty()) {
                pages.body("分地区看，" + String.join("；", parts) + "。");
            }

            List<String[]> measures = List.of(new String[] {"应受理（件）", "disposed"},
                    new String[] {"按期受理（件）", "disposedOnTime"}, new String[] {"按期受理率", "disposedOnTimeRate"},
                    new String[] {"应办结（件）", "handled"}, new String[] {"按期办结（件）", "handledOnTime"},
                    new String[] {"按期办结率", "handledOnTimeRate"});
            comparisonTable("办理时效", measures);

            List<ReportContent.TrendPoint> trend = content.trend();
            if (trend.isEmpty()) {
                pages.body("暂无逐月走势数据。");
                return;
            }
            int months = trend.size();
            pages.body("近" + months + "个月登记量走势见图" + (figures + 1) + "，按期受理率、按期办结率走势见图" + (figures + 2)
                    + "。" + trendSentence(trend));
            List<String> labels = trend.stream().map(ReportContent.TrendPoint::label).toList();
            double[] registered = trend.stream().mapToDouble(ReportContent.TrendPoint::registered).toArray();
            double[] disposed = trend.stream().mapToDouble(t -> nan(t.disposedOnTimeRate())).toArray();
            double[] handled = trend.stream().mapToDouble(t -> nan(t.handledOnTimeRate())).toArray();
            charts.lines(figureCaption("近" + months + "个月信访登记量走势（件）"), labels,
                    List.of(new Charts.Series("登记量", registered, Charts.BLUE, new float[0], Charts.Marker.CIRCLE)),
                    false, true);
            charts.lines(figureCaption("近" + months + "个月按期受理率、按期办结率走势"), labels,
                    List.of(new Charts.Series("按期受理率", disposed, Charts.BLUE, new float[0], Charts.Marker.SQUARE),
                            new Charts.Series("按期办结率", handled, Charts.RED, new float[] {4f, 2.5f},
                                    Charts.Marker.DIAMOND)),
                    true, false);
        }

        /** The highest and lowest month of the trend, as facts. */
        private String trendSentence(List<ReportContent.TrendPoint> trend) {
            ReportContent.TrendPoint high = trend.stream().max(Comparator.comparingLong(ReportContent.TrendPoint::registered))
                    .orElseThrow();
            ReportContent.TrendPoint low = trend.stream().min(Comparator.comparingLong(ReportContent.TrendPoint::registered))
                    .orElseThrow();
            if (high.registered() == low.registered()) {
                return "";
            }
            return "其间登记量最多的是" + high.label() + "（" + high.registered() + "件），最少的是" + low.label() + "（"
                    + low.registered() + "件）。";
        }

        // ---- 五、群众满意度 ----

        private void satisfaction() {
            pages.heading("五、群众满意度");
            StringBuilder p = new StringBuilder("本期登记的信访事项中，已书面答复").append(count(total, "replied")).append("件");
            if (count(total, "replied") > 0) {
                p.append("，其中信访人参与评价").append(count(total, "evaluated")).append("件，参评率").append(pct(total.evaluationRate()));
            }
            if (count(total, "evaluated") > 0) {
                p.append("；评价为满意、基本满意的").append(count(total, "satisfied")).append("件，满意率")
                        .append(pct(total.satisfactionRate()))
                        .append(pointsPhrase(total.satisfactionRate(),
                                previous == null ? null : previous.satisfactionRate(), previousName()));
            } else {
                p.append("，暂无信访人评价");
            }
            p.append("。");
            lowest(content.byDivision(), "satisfactionRate").ifPresent(row -> p.append("分地区看，满意率最低的是")
                    .append(label(row)).append("（").append(rateOf(row, "satisfactionRate")).append("）。"));
            pages.body(p.toString());
            List<String[]> measures = List.of(new String[] {"书面答复（件）", "replied"},
                    new String[] {"参与评价（件）", "evaluated"}, new String[] {"参评率", "evaluationRate"},
                    new String[] {"满意和基本满意（件）", "satisfied"}, new String[] {"满意率", "satisfactionRate"});
            comparisonTable("群众满意度", measures);
        }

        // ---- 六、热点问题 ----

        private void topics() {
            pages.heading("六、热点问题");
            List<ReportContent.HotTopic> topics = new ArrayList<>(content.hotTopics());
            if (topics.isEmpty()) {
                pages.body("本期未形成需要专门分析的热点问题（无热点问题统计）。");
                return;
            }
            topics.sort(Comparator.comparingLong(ReportContent.HotTopic::count).reversed());
            List<String> top = new ArrayList<>();
            for (ReportContent.HotTopic topic : topics.subList(0, Math.min(3, topics.size()))) {
                top.add("“" + topic.term() + "”（" + topic.count() + "件）");
            }
            StringBuilder p = new StringBuilder("本期群众反映较为集中的问题依次是").append(String.join("、", top)).append("。");
            List<ReportContent.HotTopic> rising = rising(topics);
            if (!rising.isEmpty()) {
                List<String> terms = new ArrayList<>();
                List<String> moves = new ArrayList<>();
                for (ReportContent.HotTopic topic : rising) {
                    terms.add("“" + topic.term() + "”");
                    moves.add(topic.previousCount() + "件增至" + topic.count() + "件");
                }
                p.append("其中，").append(String.join("", terms)).append("反映量较").append(previousName()).append("上升较多（")
                        .append(rising.size() > 1 ? "分别由" : "由").append(String.join("、", moves)).append("）。");
            }
            pages.body(p.toString());
            List<Pages.Column> columns = List.of(Pages.Column.centred("序号", 0.3f), Pages.Column.text("热点问题", 3f),
                    Pages.Column.number("本期（件）", 1f), Pages.Column.number(previousName() + "（件）", 1f),
                    Pages.Column.number("增减（件）", 1f), Pages.Column.number("环比", 1f));
            List<List<String>> rows = new ArrayList<>();
            int number = 0;
            for (ReportContent.HotTopic topic : topics) {
                long delta = topic.count() - topic.previousCount();
                rows.add(List.of(String.valueOf(++number), topic.term(), String.valueOf(topic.count()),
                        String.valueOf(topic.previousCount()), (delta > 0 ? "+" : "") + delta,
                        changeCell(topic.count(), topic.previousCount())));
            }
            pages.table(new Pages.Table(tableCaption("热点问题"), null, columns, rows, null));
        }

        /** The topics that rose most against the period before, at most three. */
        private static List<ReportContent.HotTopic> rising(List<ReportContent.HotTopic> topics) {
            return topics.stream().filter(t -> t.count() > t.previousCount())
                    .sorted(Comparator.comparingLong((ReportContent.HotTopic t) -> t.count() - t.previousCount())
                            .reversed())
                    .limit(3).toList();
        }

        // ---- 七、下一步工作建议 ----

        private void suggestions() {
            pages.heading("七、下一步工作建议");
            List<String> items = new ArrayList<>();

            Optional<StatisticsRow> slowest = lowest(content.byDivision(), "handledOnTimeRate");
            if (slowest.isPresent() || total.overdue() > 0) {
                StringBuilder s = new StringBuilder("压实办理责任，提升办理时效。");
                slowest.ifPresent(row -> s.append(label(row)).append("按期办结率为").append(rateOf(row, "handledOnTimeRate"))
                        .append("，在各地区中最低（").append(whole).append("为").append(pct(total.handledOnTimeRate()))
                        .append("），建议督促其逐件查明未按期办结的原因，限期整改"));
                if (total.overdue() > 0) {
                    s.append(slowest.isPresent() ? "；" : "")
                            .append("对").append(whole).append("尚未办结的").append(total.overdue())
                            .append("件超期信访事项逐件挂牌督办，明确责任单位和办结时限");
                }
                s.append("。");
                items.add(s.toString());
            }

            List<ReportContent.HotTopic> rising = rising(content.hotTopics());
            List<StatisticsRow> categories = rankedByRegistered(content.byCategory().rows());
            if (!rising.isEmpty()) {
                StringBuilder s = new StringBuilder("聚焦热点问题，加强源头治理。");
                for (ReportContent.HotTopic topic : rising) {
                    s.append("“").append(topic.term()).append("”");
                }
                s.append(rising.size() > 1 ? "等问题" : "问题").append("反映量环比上升，建议相关职能部门深入分析成因，")
                        .append("完善政策措施，从源头上减少信访问题发生。");
                items.add(s.toString());
            } else if (!categories.isEmpty()) {
                List<StatisticsRow> top = categories.subList(0, Math.min(2, categories.size()));
                long sum = top.stream().mapToLong(r -> r.figures().registered()).sum();
                items.add("聚焦重点领域，加强源头治理。本期反映问题主要集中在"
                        + String.join("、", top.stream().map(this::label).toList()) + "领域（合计占"
                        + share(sum, total.registered()) + "），建议相关职能部门深入分析成因，从源头上减少信访问题发生。");
            }

            if (previous != null && count(total, "groupVisits") > count(previous, "groupVisits")) {
                items.add("防范化解集体访。本期集体访" + count(total, "groupVisits") + "批" + count(total, "groupVisitPeople") + "人次，较"
                        + previousName() + change(count(total, "groupVisits"), count(previous, "groupVisits"))
                        + "，建议加强矛盾纠纷排查化解，把问题解决在基层、化解在萌芽状态。");
            }

            if (total.satisfactionRate() != null) {
                StringBuilder s = new StringBuilder("提高群众满意度。本期满意率为").append(pct(total.satisfactionRate()))
                        .append("，参评率为").append(pct(total.evaluationRate()));
                lowest(content.byDivision(), "satisfactionRate").ifPresent(row -> s.append("，其中").append(label(row))
                        .append("满意率为").append(rateOf(row, "satisfactionRate")).append("，相对较低"));
                s.append("。建议加强办理结果的回访和评价工作，对评价为不满意的事项跟踪复核，推动问题真正解决。");
                items.add(s.toString());
            }

            if (items.isEmpty()) {
                items.add("继续做好信访事项的登记、受理、办理和回访评价工作，确保依法按期办结。");
            }
            for (int i = 0; i < items.size(); i++) {
                pages.body("（" + chineseCount(i + 1) + "）" + items.get(i));
            }
        }

        private void notes() {
            pages.space(8);
            String note = "注：1. 本报告数据由信访工作平台按登记和办理记录自动统计生成，各项指标口径见平台统计说明；按期受理率为15日内"
                    + "依法受理（转送、交办）的比例，按期办结率为60日内（经延期的在延期后期限内）办结答复的比例，"
                    + "满意率为评价满意、基本满意的比例。2. “<" + minimumCell + "”表示该项数值小于" + minimumCell
                    + "，依规定不精确显示；“—”表示无可计算的基数。3. 环比为与上一统计周期相比，同比为与上年同期相比。";
            pages.paragraph(note, 9.5f, 15f, 0, Pages.DARK);
        }

        // ---- words ----

        private String when() {
            return periodTitle(content).replace("年度", "年");
        }

        private String previousName() {
            return switch (content.kind()) {
                case MONTHLY -> "上月";
                case QUARTERLY -> "上季度";
                case ANNUAL -> "上年";
            };
        }

        private String shortNow() {
            return switch (content.kind()) {
                case MONTHLY -> "本月";
                case QUARTERLY -> "本季度";
                case ANNUAL -> "本年";
            };
        }

        private String tableCaption(String caption) {
            return "表" + (++tables) + "　" + caption;
        }

        private String figureCaption(String caption) {
            return "图" + (++figures) + "　" + caption;
        }

        /** The row's name for people: its label when it is Chinese, else the name of its key. */
        private String label(StatisticsRow row) {
            String label = row.label();
            if (label != null && label.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF)) {
                return label;
            }
            String key = row.key();
            String known = switch (key == null ? "" : key) {
                case "SUGGESTION" -> "建议意见类";
                case "ACCUSATION" -> "检举控告类";
                case "APPEAL" -> "申诉求决类";
                case "CONSULTATION" -> "咨询类";
                case "LETTER" -> "来信";
                case "VISIT" -> "来访";
                case "PHONE" -> "来电";
                case "ONLINE" -> "网上信访";
                case "FAX" -> "传真";
                case "EMAIL" -> "电子邮件";
                case "COUNTY_SYSTEM" -> "县级系统报送";
                case "NONE" -> "未交办";
                default -> null;
            };
            if (known == null) {
                for (Category category : Category.values()) {
                    if (category.name().equals(key)) {
                        known = category.label();
                    }
                }
            }
            return known != null ? known : label != null && !label.isBlank() ? label : String.valueOf(key);
        }

        /** "网上信访126件（占40.3%）、来访…": the rows with an exact count, most first. */
        private String ranking(Statistics statistics, int limit) {
            if (statistics == null) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (StatisticsRow row : rankedByRegistered(statistics.rows())) {
                if (parts.size() == limit || row.figures().registered() == 0) {
                    break;
                }
                parts.add(label(row) + row.figures().registered() + "件（占" + share(row.figures().registered(),
                        total.registered()) + "）");
            }
            return String.join("，", parts);
        }

        /** The rows whose registered count is exact, by it, most first (ties by the rows' order). */
        private static List<StatisticsRow> rankedByRegistered(List<StatisticsRow> rows) {
            return rows.stream().filter(row -> !row.suppressed().contains("registered"))
                    .sorted(Comparator.comparingLong((StatisticsRow row) -> row.figures().registered()).reversed())
                    .toList();
        }

        /** The row with the lowest readable rate, if at least two rows have one. */
        private static Optional<StatisticsRow> lowest(Statistics statistics, String rate) {
            List<StatisticsRow> rated = statistics.rows().stream()
                    .filter(row -> row.shown(statistics.minimumCell()).get(rate) instanceof Number).toList();
            if (rated.size() < 2) {
                return Optional.empty();
            }
            Comparator<StatisticsRow> byRate = Comparator.comparingDouble(
                    row -> ((Number) row.shown(statistics.minimumCell()).get(rate)).doubleValue());
            StatisticsRow min = rated.stream().min(byRate).orElseThrow();
            StatisticsRow max = rated.stream().max(byRate).orElseThrow();
            // When every place has the same rate, none is the lowest.
            return byRate.compare(min, max) < 0 ? Optional.of(min) : Optional.empty();
        }

        private Optional<StatisticsRow> mostOverdue() {
            Statistics divisions = content.byDivision();
            List<StatisticsRow> rows = divisions.rows().stream().filter(row -> !row.suppressed().contains("overdue"))
                    .filter(row -> row.figures().overdue() > 0).toList();
            if (rows.size() < 2 && divisions.rows().size() < 2) {
                return Optional.empty();
            }
            return rows.stream().max(Comparator.comparingLong(row -> row.figures().overdue()));
        }

        private String rateOf(StatisticsRow row, String rate) {
            return shownValue(row.shown(minimumCell).get(rate), true);
        }
    }

    // ---- numbers ----

    /** A share as the percentage shown, rounded to one decimal (half up). */
    private static double shownPercent(double share) {
        return percent(share).doubleValue();
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    /** A share from 0 to 1 as a percentage with one decimal; "—" for none. */
    static String pct(Double rate) {
        return rate == null ? "—" : percent(rate).toPlainString() + "%";
    }

    /** {@code part} of {@code whole} as a percentage with one decimal (half up); "—" of nothing. */
    static String share(long part, long whole) {
        return whole == 0 ? "—"
                : BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    /** A shown figure: "<3" as it is, {@code null} as "—", a count as a whole number, a rate as a percentage. */
    static String shownValue(Object shown, boolean rate) {
        if (shown == null) {
            return "—";
        }
        if (shown instanceof Number number) {
            return value(number, rate);
        }
        return shown.toString();
    }

    static String value(Number number, boolean rate) {
        if (number == null) {
            return "—";
        }
        return rate ? pct(number.doubleValue()) : String.valueOf(number.longValue());
    }

    /** "上升5.2%", "下降3.1%", "持平", or "增加12件（上期为0）". */
    static String change(long now, long before) {
        if (before == 0) {
            return now == 0 ? "持平" : "增加" + now + "（上期为0）";
        }
        double percent = (now - before) * 100.0 / before;
        String formatted = String.format(Locale.ROOT, "%.1f%%", Math.abs(percent));
        if (formatted.equals("0.0%")) {
            return "持平";
        }
        return (percent > 0 ? "上升" : "下降") + formatted;
    }

    /** "+5.2%", "-3.1%", "0.0%", or "—" against nothing. */
    static String changeCell(Number now, Number before) {
        if (now == null || before == null || before.longValue() == 0) {
            return "—";
        }
        double percent = (now.longValue() - before.longValue()) * 100.0 / before.longValue();
        String formatted = String.format(Locale.ROOT, "%.1f%%", Math.abs(percent));
        return formatted.equals("0.0%") ? formatted : (percent > 0 ? "+" : "-") + formatted;
    }

    /**
     * A rate's change in percentage points for a table: "+1.2个百分点"; "—" against nothing. Worked
     * out from the two percentages as shown (one decimal), so that the table adds up for its reader.
     */
    static String points(Number now, Number before) {
        if (now == null || before == null) {
            return "—";
        }
        double delta = shownPercent(now.doubleValue()) - shownPercent(before.doubleValue());
        String formatted = String.format(Locale.ROOT, "%.1f", Math.abs(delta));
        return formatted.equals("0.0") ? "0.0个百分点" : (delta > 0 ? "+" : "-") + formatted + "个百分点";
    }

    /** "，较上月提高1.2个百分点" for a sentence; empty against nothing. */
    static String pointsPhrase(Double now, Double before, String previousName) {
        if (now == null || before == null) {
            return "";
        }
        double delta = shownPercent(now) - shownPercent(before);
        String formatted = String.format(Locale.ROOT, "%.1f", Math.abs(delta));
        if (formatted.equals("0.0")) {
            return "，与" + previousName + "持平";
        }
        return "，较" + previousName + (delta > 0 ? "提高" : "降低") + formatted + "个百分点";
    }

    /**
     * A count by its name in {@link Figures#byName()} (the figures have named accessors for a few
     * counts only); 0 for a count these figures do not have.
     */
    static long count(Figures figures, String name) {
        Number value = figures.byName().get(name);
        return value == null ? 0 : value.longValue();
    }

    private static double nan(Double rate) {
        return rate == null ? Double.NaN : rate;
    }

    /** 全省, 全市, 全州, 全区, 全县 by the last character of the division's name; else 本地区. */
    static String whole(String name) {
        if (name != null && !name.isEmpty()) {
            String last = name.substring(name.length() - 1);
            if ("省市州区县旗盟".contains(last)) {
                return "全" + last;
            }
        }
        return "本地区";
    }

    /** 一 to 十, then digits. */
    static String chineseCount(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n >= 0 && n <= 10 ? digits[n] : String.valueOf(n);
    }

    /** "2026年2月", "2026年第一季度", "2025年", or "2026年2月1日至2026年2月14日". */
    static String periodName(Period period) {
        if (period == null) {
            return "";
        }
        LocalDate from = period.from();
        return ReportKind.of(period).map(kind -> switch (kind) {
            case MONTHLY -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTERLY -> from.getYear() + "年第" + QUARTERS[(from.getMonthValue() - 1) / 3] + "季度";
            case ANNUAL -> from.getYear() + "年";
        }).orElse(DAY.format(period.from()) + "至" + DAY.format(period.to()));
    }
}
