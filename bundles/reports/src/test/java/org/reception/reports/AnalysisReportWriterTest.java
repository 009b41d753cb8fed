package org.reception.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsRow;

class AnalysisReportWriterTest {

    private static final Path OUT = Path.of("target", "reports");
    private static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");
    private static final int MINIMUM_CELL = 3;
    private static final LocalDate AS_OF = LocalDate.of(2026, 4, 2);
    /** 2026-04-02 09:30 in China Standard Time. */
    private static final Instant GENERATED = Instant.parse("2026-04-02T01:30:00Z");

    private final AnalysisReportWriter writer = new AnalysisReportWriter();

    @BeforeAll
    static void folder() throws IOException {
        Files.createDirectories(OUT);
    }

    // ---- the province's monthly report: 60 counties, every section, pages rendered ----

    @Test
    void writesTheProvincesMonthlyReportWithEverySectionInAnEmbeddedChineseFont() throws Exception {
        Data data = province();
        byte[] pdf = writer.pdf(data.content);
        Path file = OUT.resolve("analysis-report-52-2026-03.pdf");
        Files.write(file, pdf);
        assertTrue(pdf.length < 2_000_000, "a report with a subset of its font stays small: " + pdf.length + " bytes");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 5, "the 60 counties' table and the charts take several pages: " + pages);
            String text = new PDFTextStripper().getText(document);
            String flat = text.replaceAll("[\\s\\u3000]+", "");

            assertTrue(flat.contains("贵州省信访形势分析报告（2026年3月）"), "the title");
            assertTrue(flat.contains("生成时间：2026年4月2日09:30（北京时间）"), "generated at, in China Standard Time");
            for (String section : List.of("一、总体情况", "二、分地区情况", "三、分类别情况", "四、办理时效", "五、群众满意度",
                    "六、热点问题", "七、下一步工作建议")) {
                assertTrue(flat.contains(section), "section " + section);
            }
            Figures total = data.content.byDivision().total();
            assertTrue(flat.contains("全省共登记信访事项" + total.registered() + "件，涉及群众" + total.people() + "人次"),
                    "the overall figures in a sentence");
            assertTrue(flat.contains("与上月（2026年2月）相比"), "环比 against February");
            assertTrue(flat.contains("与去年同期（2025年3月）相比"), "同比 against March 2025");
            assertTrue(flat.contains(AnalysisReportWriter.change(total.registered(), data.previous.registered())),
                    "the change against the month before, worked out");
            assertTrue(flat.contains(AnalysisReportWriter.pct(total.handledOnTimeRate())), "the on-time rate");
            for (String county : List.of("南明区", "云岩区", "红花岗区", "汇川区")) {
                assertTrue(flat.contains(county), county);
            }
            assertTrue(flat.contains("南明区412"), "Nanming's row: " + excerpt(flat, "南明区"));
            assertTrue(text.contains("<3"), "a suppressed count is shown as <3");
            assertTrue(flat.contains("表2分地区信访情况（续）"), "the 60 counties' table goes on over pages under its caption");
            assertTrue(flat.contains("图1登记量居前15位的地区（件）"), "the bars show the first 15 places");
            assertTrue(flat.contains("生态环境"), "categories by their Chinese names");
            assertTrue(flat.contains("网上信访"), "channels by their Chinese names");
            assertTrue(flat.contains("申诉求决类"), "types by their Chinese names");
            assertTrue(flat.contains("拖欠农民工工资"), "a hot topic");
            assertTrue(flat.contains("按期办结率最低的是"), "the place with the lowest on-time rate is named");
            assertTrue(flat.contains("第1页共" + pages + "页") && flat.contains("第" + pages + "页共" + pages + "页"),
                    "page numbers");
            assertFalse(text.contains("?"), "every character has its glyph");

            int fonts = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().contains("NotoSerifSC"), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts >= pages, "every page has the font");
        }

        List<Path> images = render(file, "province");
        assertTrue(images.size() >= 5, "one picture per page");
        for (Path image : images) {
            assertInked(image);
        }
    }

    // ---- a quarter with no hot topics; a year ----

    @Test
    void writesAQuarterlyReportOfACitySayingThereAreNoHotTopics() throws Exception {
        Data data = city("5201", "贵阳市", new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)), ReportKind.QUARTERLY);
        byte[] pdf = writer.pdf(data.content);
        Files.write(OUT.resolve("analysis-report-5201-2026-Q1.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String flat = new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
            assertTrue(flat.contains("贵阳市信访形势分析报告（2026年第一季度）"), "the title");
            assertTrue(flat.contains("全市共登记信访事项"), "the city's own word");
            assertTrue(flat.contains("与上季度（2025年第四季度）相比"), "环比 against the quarter before");
            assertTrue(flat.contains("六、热点问题本期未形成需要专门分析的热点问题"), "no hot topics, said so");
            assertTrue(flat.contains("观山湖区"), "the city's counties");
        }
    }

    @Test
    void writesAnAnnualReportComparingWithTheYearBeforeOnce() throws Exception {
        Period year = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        Period before = year.previous();
        Data data = city("5203", "遵义市", year, before, ReportKind.ANNUAL);
        assertEquals(before, year.sameLastYear(), "a year's period before is the year before");
        byte[] pdf = writer.pdf(data.content);
        Files.write(OUT.resolve("analysis-report-5203-2026.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String flat = new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
            assertTrue(flat.contains("遵义市信访形势分析报告（2026年度）"), "the title");
            assertTrue(flat.contains("与上年（2025年）相比"), "against the year before");
            assertFalse(flat.contains("去年同期"), "the year before is said once");
            assertTrue(flat.contains("汇川区"), "Huichuan");
        }
    }

    @Test
    void writesReportsFromSeveralThreadsEachWithItsFont() throws Exception {
        ReportContent province = province().content;
        ReportContent city = city("5201", "贵阳市", Period.of(Period.Unit.MONTH, LocalDate.of(2026, 3, 1)),
                Period.of(Period.Unit.MONTH, LocalDate.of(2026, 2, 1)), ReportKind.MONTHLY).content;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<byte[]>> written = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ReportContent content = i % 2 == 0 ? province : city;
                written.add(pool.submit(() -> writer.pdf(content)));
            }
            for (int i = 0; i < written.size(); i++) {
                try (PDDocument document = Loader.loadPDF(written.get(i).get(60, TimeUnit.SECONDS))) {
                    String flat = new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
                    assertTrue(flat.contains(i % 2 == 0 ? "贵州省信访形势分析报告（2026年3月）" : "贵阳市信访形势分析报告（2026年3月）"));
                    assertFalse(flat.contains("?"), "every glyph in every document");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesAReportOfAPeriodWithoutPetitionsNorComparisons() throws Exception {
        Period april = Period.of(Period.Unit.MONTH, LocalDate.of(2026, 4, 1));
        List<Statistics> empty = new ArrayList<>();
        for (Dimension by : List.of(Dimension.DIVISION, Dimension.CATEGORY, Dimension.TYPE, Dimension.CHANNEL)) {
            empty.add(statistics("520102", "南明区", april, null, null, by, List.of(), Figures.ZERO, null, null));
        }
        ReportContent content = new ReportContent(ReportKind.MONTHLY, "520102", "南明区", april, GENERATED,
                empty.get(0), empty.get(1), empty.get(2), empty.get(3), List.of(), List.of());
        byte[] pdf = writer.pdf(content);
        Files.write(OUT.resolve("analysis-report-520102-empty.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String flat = new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
            assertTrue(flat.contains("南明区信访形势分析报告（2026年4月）"), "the title");
            assertTrue(flat.contains("全区共登记信访事项0件"), "nothing registered, said so");
            assertTrue(flat.contains("本期无分地区数据"), "no rows");
            assertTrue(flat.contains("暂无逐月走势数据"), "no trend");
            assertTrue(flat.contains("七、下一步工作建议"), "the last section still");
            assertFalse(flat.contains("与上月") || flat.contains("上月（件）"), "nothing to compare with");
        }
    }

    @Test
    void refusesABreakdownGivenForAnother() {
        Data data = province();
        ReportContent c = data.content;
        assertThrows(IllegalArgumentException.class, () -> new ReportContent(c.kind(), c.jurisdiction(),
                c.jurisdictionName(), c.period(), c.generatedAt(), c.byCategory(), c.byCategory(), c.byType(),
                c.byChannel(), c.trend(), c.hotTopics()));
    }

    @Test
    void namesTheKindOfAPeriod() {
        assertEquals(ReportKind.MONTHLY,
                ReportKind.of(Period.of(Period.Unit.MONTH, LocalDate.of(2026, 3, 9))).orElseThrow());
        assertEquals(ReportKind.QUARTERLY,
                ReportKind.of(Period.of(Period.Unit.QUARTER, LocalDate.of(2026, 3, 9))).orElseThrow());
        assertEquals(ReportKind.ANNUAL,
                ReportKind.of(Period.of(Period.Unit.YEAR, LocalDate.of(2026, 3, 9))).orElseThrow());
        assertTrue(ReportKind.of(Period.of(Period.Unit.WEEK, LocalDate.of(2026, 3, 9))).isEmpty());
    }

    @Test
    void writesChangesAndRatesTheWayTheReportSaysThem() {
        assertEquals("上升10.0%", AnalysisReportWriter.change(110, 100));
        assertEquals("下降3.3%", AnalysisReportWriter.change(29, 30));
        assertEquals("持平", AnalysisReportWriter.change(100, 100));
        assertEquals("增加5（上期为0）", AnalysisReportWriter.change(5, 0));
        assertEquals("+10.0%", AnalysisReportWriter.changeCell(110, 100));
        assertEquals("—", AnalysisReportWriter.changeCell(5, 0));
        assertEquals("96.3%", AnalysisReportWriter.pct(0.9625));
        assertEquals("—", AnalysisReportWriter.pct(null));
        assertEquals("<3", AnalysisReportWriter.shownValue("<3", false));
        assertEquals("—", AnalysisReportWriter.shownValue(null, true));
        assertEquals("-1.5个百分点", AnalysisReportWriter.points(0.9, 0.915));
        assertEquals("全省", AnalysisReportWriter.whole("贵州省"));
        assertEquals("全州", AnalysisReportWriter.whole("黔东南苗族侗族自治州"));
        assertEquals("全区", AnalysisReportWriter.whole("南明区"));
    }

    // ---- the pictures of the pages ----

    /** Each page as a PNG at 80 dpi, with Debian's pdftoppm (poppler-utils). */
    private static List<Path> render(Path pdf, String prefix) throws Exception {
        if (!Files.isExecutable(PDFTOPPM)) {
            fail("pdftoppm is needed to render the report's pages to PNG: install Debian's poppler-utils"
                    + " (apt-get install poppler-utils); " + PDFTOPPM + " is missing");
        }
        Path folder = OUT.resolve("pages");
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path path : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(path);
            }
        }
        Process process = new ProcessBuilder(PDFTOPPM.toString(), "-png", "-r", "80", pdf.toString(),
                folder.resolve(prefix).toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pdftoppm finishes");
        assertEquals(0, process.exitValue(), "pdftoppm: " + output);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".png"))
                    .sorted().toList();
        }
    }

    /** A page picture with text on it: enough dark pixels, and not all of them. */
    private static void assertInked(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() > 500 && image.getHeight() > 800, png + " is an A4 page");
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (luminance < 110) {
                    dark++;
                }
            }
        }
        double share = dark / (double) (image.getWidth() * image.getHeight());
        assertTrue(share > 0.003 && share < 0.5, png + " has text on it: " + share);
    }

    private static String excerpt(String text, String around) {
        int at = text.indexOf(around);
        return at < 0 ? "(absent)" : text.substring(at, Math.min(text.length(), at + 60));
    }

    // ---- the data: realistic counts for Guizhou's counties ----

    private record Data(ReportContent content, Figures previous) {
    }

    /** 贵州省, March 2026, by 60 counties of Guiyang, Zunyi and the next cities. */
    private static Data province() {
        Period march = Period.of(Period.Unit.MONTH, LocalDate.of(2026, 3, 1));
        List<Division> counties = new ArrayList<>();
        for (String city : List.of("5201", "5203", "5202", "5204", "5205", "5206", "5223", "5226", "5227")) {
            counties.addAll(Divisions.reference().children(city));
        }
        counties = counties.subList(0, 60);
        Random random = new Random(52);
        List<StatisticsRow> rows = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Division county : counties) {
            Figures exact = switch (county.code()) {
                case "520102" -> figures(412, 498, 6, 57, 63, 40, 380, 338, 210, 196, 4, 214, 150, 139);
                case "520103" -> figures(367, 431, 4, 38, 55, 35, 341, 320, 188, 181, 1, 190, 131, 126);
                case "520302" -> figures(298, 350, 3, 29, 41, 27, 276, 251, 150, 121, 9, 152, 98, 86);
                case "520303" -> figures(241, 282, 2, 14, 30, 21, 222, 214, 121, 110, 2, 124, 77, 72);
                default -> random(random, 20 + random.nextInt(220));
            };
            total = total.plus(exact);
            Set<String> suppressed = switch (county.code()) {
                // A count of 1 or 2 shown as "<3" (StatisticsRow#shown).
                case "520303" -> Set.of("groupVisits", "overdue");
                default -> Set.of();
            };
            rows.add(new StatisticsRow(county.code(), county.name(), exact.without(suppressed), suppressed));
        }
        Figures previous = scaled(total, 0.93, 0.99);
        Figures lastYear = scaled(total, 1.06, 0.97);
        Period february = march.previous();
        Period lastMarch = march.sameLastYear();
        Statistics byDivision = statistics("52", "贵州省", march, february, lastMarch, Dimension.DIVISION, rows, total,
                previous, lastYear);
        List<StatisticsRow> categories = split(total, categoryWeights(), "CATEGORY", Set.of("OTHER"));
        List<StatisticsRow> types = split(total, Map.of("APPEAL", 0.58, "SUGGESTION", 0.17, "ACCUSATION", 0.0,
                "CONSULTATION", 0.25), "TYPE", Set.of());
        List<StatisticsRow> channels = split(total, Map.of("ONLINE", 0.46, "VISIT", 0.22, "PHONE", 0.18, "LETTER",
                0.11, "COUNTY_SYSTEM", 0.03), "CHANNEL", Set.of());
        List<ReportContent.TrendPoint> trend = trend(march, total, random);
        List<ReportContent.HotTopic> topics = List.of(new ReportContent.HotTopic("拖欠农民工工资", 86, 52),
                new ReportContent.HotTopic("物业服务纠纷", 64, 70), new ReportContent.HotTopic("征地拆迁补偿", 51, 38),
                new ReportContent.HotTopic("城乡低保待遇", 30, 31), new ReportContent.HotTopic("医疗纠纷", 22, 18),
                new ReportContent.HotTopic("校外培训退费", 17, 9), new ReportContent.HotTopic("噪声扰民", 15, 16),
                new ReportContent.HotTopic("农村宅基地纠纷", 12, 12));
        ReportContent content = new ReportContent(ReportKind.MONTHLY, "52", "贵州省", march, GENERATED,
                byDivision,
                statistics("52", "贵州省", march, february, lastMarch, Dimension.CATEGORY, categories, total, previous,
                        lastYear),
                statistics("52", "贵州省", march, february, lastMarch, Dimension.TYPE, types, total, previous, lastYear),
                statistics("52", "贵州省", march, february, lastMarch, Dimension.CHANNEL, channels, total, previous,
                        lastYear),
                trend, topics);
        return new Data(content, previous);
    }

    /** A city's report by its counties, without hot topics. */
    private static Data city(String code, String name, Period period, Period previousPeriod, ReportKind kind) {
        Random random = new Random(Long.parseLong(code));
        List<StatisticsRow> rows = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Division county : Divisions.reference().children(code)) {
            Figures exact = random(random, kind == ReportKind.ANNUAL ? 900 + random.nextInt(2400)
                    : 150 + random.nextInt(600));
            total = total.plus(exact);
            rows.add(new StatisticsRow(county.code(), county.name(), exact, Set.of()));
        }
        Figures previous = scaled(total, 0.95, 1.0);
        Figures lastYear = kind == ReportKind.ANNUAL ? previous : scaled(total, 1.08, 0.98);
        Period lastYearPeriod = period.sameLastYear();
        List<StatisticsRow> categories = split(total, categoryWeights(), "CATEGORY", Set.of());
        List<StatisticsRow> types = split(total, Map.of("APPEAL", 0.6, "SUGGESTION", 0.15, "ACCUSATION", 0.0,
                "CONSULTATION", 0.25), "TYPE", Set.of());
        List<StatisticsRow> channels = split(total, Map.of("ONLINE", 0.5, "VISIT", 0.2, "PHONE", 0.2, "LETTER", 0.1),
                "CHANNEL", Set.of());
        List<ReportContent.TrendPoint> trend = kind == ReportKind.ANNUAL ? List.of()
                : trend(period, scaled(total, 1 / 3.0, 1.0), random);
        Instant generated = kind == ReportKind.ANNUAL ? Instant.parse("2027-01-04T01:30:00Z") : GENERATED;
        ReportContent content = new ReportContent(kind, code, name, period, generated,
                statistics(code, name, period, previousPeriod, lastYearPeriod, Dimension.DIVISION, rows, total, previous,
                        lastYear),
                statistics(code, name, period, previousPeriod, lastYearPeriod, Dimension.CATEGORY, categories, total,
                        previous, lastYear),
                statistics(code, name, period, previousPeriod, lastYearPeriod, Dimension.TYPE, types, total, previous,
                        lastYear),
                statistics(code, name, period, previousPeriod, lastYearPeriod, Dimension.CHANNEL, channels, total,
                        previous, lastYear),
                trend, List.of());
        return new Data(content, previous);
    }

    private static Statistics statistics(String code, String name, Period period, Period previousPeriod,
                                         Period lastYearPeriod, Dimension by, List<StatisticsRow> rows, Figures total,
                                         Figures previous, Figures lastYear) {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("jurisdiction", code);
        components.put("name", name);
        components.put("period", period);
        components.put("previousPeriod", previousPeriod);
        components.put("by", by);
        components.put("asOf", period.to().isBefore(AS_OF) ? AS_OF : period.to().plusDays(3));
        components.put("minimumCell", MINIMUM_CELL);
        components.put("rows", rows);
        components.put("total", total);
        components.put("previousTotal", previous);
        components.put("lastYearPeriod", lastYearPeriod);
        components.put("lastYearTotal", lastYear);
        return Records.of(Statistics.class, components);
    }

    /** The figures of a place, the dispositions shared out of {@code disposed}. */
    private static Figures figures(long registered, long people, long groupVisits, long groupVisitPeople,
                                   long accusations, long confidential, long disposed, long disposedOnTime,
                                   long handled, long handledOnTime, long overdue, long replied, long evaluated,
                                   long satisfied) {
        long accepted = disposed * 62 / 100;
        long transferred = disposed * 21 / 100;
        long assigned = disposed * 9 / 100;
        long redirected = disposed * 3 / 100;
        long notAccepted = disposed - accepted - transferred - assigned - redirected;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("registered", registered);
        counts.put("people", people);
        counts.put("groupVisits", groupVisits);
        counts.put("groupVisitPeople", groupVisitPeople);
        counts.put("accusations", accusations);
        counts.put("confidential", confidential);
        counts.put("accepted", accepted);
        counts.put("transferred", transferred);
        counts.put("assigned", assigned);
        counts.put("redirected", redirected);
        counts.put("notAccepted", notAccepted);
        counts.put("disposed", disposed);
        counts.put("disposedOnTime", disposedOnTime);
        counts.put("handled", handled);
        counts.put("handledOnTime", handledOnTime);
        counts.put("overdue", overdue);
        counts.put("replied", replied);
        counts.put("evaluated", evaluated);
        counts.put("satisfied", satisfied);
        return Records.figures(counts);
    }

    private static Figures random(Random random, long registered) {
        long disposed = registered * (85 + random.nextInt(12)) / 100;
        long handled = registered * (45 + random.nextInt(20)) / 100;
        long replied = handled + random.nextInt(5);
        long evaluated = replied * (55 + random.nextInt(35)) / 100;
        long groupVisits = random.nextInt(6);
        return figures(registered, registered * (110 + random.nextInt(25)) / 100, groupVisits,
                groupVisits * (6 + random.nextInt(12)), registered * (8 + random.nextInt(12)) / 100,
                registered * (6 + random.nextInt(6)) / 100, disposed, disposed * (88 + random.nextInt(12)) / 100,
                handled, handled * (80 + random.nextInt(20)) / 100, random.nextInt(7), replied, evaluated,
                evaluated * (82 + random.nextInt(17)) / 100);
    }

    /** The same figures times a factor, the on-time and satisfied counts times another. */
    private static Figures scaled(Figures figures, double factor, double quality) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : List.of("registered", "people", "groupVisits", "groupVisitPeople", "accusations",
                "confidential", "accepted", "transferred", "assigned", "redirected", "notAccepted", "disposed",
                "handled", "overdue", "replied", "evaluated")) {
            counts.put(name, Math.round(figures.byName().get(name).longValue() * factor));
        }
        for (String name : List.of("disposedOnTime", "handledOnTime", "satisfied")) {
            counts.put(name, Math.round(figures.byName().get(name).longValue() * factor * quality));
        }
        return Records.figures(counts);
    }

    private static Map<String, Double> categoryWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        double[] shares = {0.13, 0.19, 0.16, 0.09, 0.07, 0.06, 0.05, 0.09, 0.04, 0.05, 0.03, 0.035, 0.005};
        Category[] categories = Category.values();
        for (int i = 0; i < categories.length; i++) {
            weights.put(categories[i].name(), i < shares.length ? shares[i] : 0.01);
        }
        return weights;
    }

    /**
     * Rows that share the total by weight (the accusations all in the ACCUSATION type); a row named
     * in {@code small} gets 2 petitions, shown as "<3".
     */
    private static List<StatisticsRow> split(Figures total, Map<String, Double> weights, String dimension,
                                             Set<String> small) {
        List<StatisticsRow> rows = new ArrayList<>();
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            String key = weight.getKey();
            long a = total.byName().get("accusations").longValue();
            double others = dimension.equals("TYPE") ? 1 - a / (double) Math.max(1, total.registered()) : 1;
            Figures part = small.contains(key) ? figures(2, 2, 0, 0, 0, 0, 2, 2, 1, 1, 0, 1, 1, 1)
                    : dimension.equals("TYPE") && key.equals("ACCUSATION")
                    ? figures(a, a * 11 / 10, 0, 0, a, a, a * 9 / 10, a * 85 / 100, a / 2, a * 45 / 100, 1, a / 2,
                            a / 3, a / 4)
                    : scaled(total, weight.getValue() * others, 1.0);
            Set<String> suppressed = small.contains(key) ? Set.of("registered", "people", "disposed",
                    "disposedOnTime", "handled", "handledOnTime", "replied", "evaluated", "satisfied") : Set.of();
            String label = dimension.equals("CATEGORY") ? Category.valueOf(key).label() : null;
            if (dimension.equals("TYPE")) {
                PetitionType.valueOf(key);
            } else if (dimension.equals("CHANNEL")) {
                Channel.valueOf(key);
            }
            rows.add(new StatisticsRow(key, label, part.without(suppressed), suppressed));
        }
        return rows;
    }

    /** Twelve months ending with the period's last, the last one the period's own registrations. */
    private static List<ReportContent.TrendPoint> trend(Period period, Figures last, Random random) {
        List<ReportContent.TrendPoint> points = new ArrayList<>();
        YearMonth end = YearMonth.from(period.to());
        for (int i = 11; i >= 0; i--) {
            YearMonth month = end.minusMonths(i);
            String label = i == 11 || month.getMonthValue() == 1 ? month.getYear() + "年" + month.getMonthValue() + "月"
                    : month.getMonthValue() + "月";
            long registered = i == 0 ? last.registered()
                    : Math.round(last.registered() * (0.78 + 0.3 * random.nextDouble()));
            Double disposed = i == 0 ? last.disposedOnTimeRate() : 0.9 + 0.09 * random.nextDouble();
            Double handled = i == 0 ? last.handledOnTimeRate() : i == 6 ? null : 0.82 + 0.14 * random.nextDouble();
            points.add(new ReportContent.TrendPoint(label, registered, disposed, handled));
        }
        return points;
    }
}
