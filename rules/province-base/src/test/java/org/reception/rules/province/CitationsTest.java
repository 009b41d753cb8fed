package org.reception.rules.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every rule of the province's module cites the articles it applies, and each citation is of an
 * article whose subject the rule speaks of ({@code articles.properties}): a wrong article is a
 * build failure, not a wrong word in front of a petitioner.
 */
class CitationsTest {

    private static final Path RULES = Path.of("src/main/resources/rules");
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"(.*?)^end", Pattern.DOTALL);
    private static final Pattern CHINESE_ARTICLE = Pattern.compile("第([一二三四五六七八九十]+)条");
    private static final Pattern ENGLISH_ARTICLES = Pattern.compile("\\(Art\\. ([0-9, ]+)");

    @Test
    void everyRuleCitesArticlesWhoseSubjectItSpeaksOf() throws IOException {
        Map<Integer, List<String>> words = table();
        List<String> wrong = new ArrayList<>();
        int cited = 0;
        for (Map.Entry<String, String> rule : rules().entrySet()) {
            Set<Integer> articles = new TreeSet<>();
            Matcher chinese = CHINESE_ARTICLE.matcher(rule.getValue());
            while (chinese.find()) {
                articles.add(number(chinese.group(1)));
            }
            Matcher english = ENGLISH_ARTICLES.matcher(rule.getKey());
            if (english.find()) {
                for (String number : english.group(1).split(",")) {
                    if (!number.isBlank()) {
                        articles.add(Integer.parseInt(number.strip()));
                    }
                }
            }
            if (articles.isEmpty()) {
                wrong.add(rule.getKey() + ": cites no article");
            }
            for (int article : articles) {
                cited++;
                List<String> subject = words.get(article);
                if (subject == null) {
                    wrong.add(rule.getKey() + ": cites Art. " + article + ", which the table of articles does not hold");
                } else if (subject.stream().noneMatch(word -> rule.getKey().contains(word) || rule.getValue().contains(word))) {
                    wrong.add(rule.getKey() + ": cites Art. " + article + " but speaks of none of " + subject);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(cited >= 20, "citations checked: " + cited);
    }

    @Test
    void chineseNumbersAreRead() {
        assertEquals(4, number("四"));
        assertEquals(20, number("二十"));
        assertEquals(22, number("二十二"));
        assertEquals(36, number("三十六"));
        assertEquals(10, number("十"));
        assertEquals(19, number("十九"));
    }

    /** Rule name to the rule's text, of every DRL file of the module. */
    private static Map<String, String> rules() throws IOException {
        Map<String, String> rules = new TreeMap<>();
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                Matcher rule = RULE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (rule.find()) {
                    rules.put(rule.group(1), rule.group(2));
                }
            }
        }
        assertTrue(rules.size() >= 15, "rules read: " + rules.keySet());
        return rules;
    }

    private static Map<Integer, List<String>> table() throws IOException {
        Properties table = new Properties();
        try (InputStream in = CitationsTest.class.getResourceAsStream("/articles.properties")) {
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<Integer, List<String>> words = new TreeMap<>();
        for (String article : table.stringPropertyNames()) {
            String[] subjectAndWords = table.getProperty(article).split("\\|");
            words.put(Integer.parseInt(article.strip()), List.of(subjectAndWords[1].strip().split(",")));
        }
        return words;
    }

    /** 二十二 is 22: tens before 十, units after it. */
    static int number(String chinese) {
        String digits = "零一二三四五六七八九";
        int ten = chinese.indexOf('十');
        if (ten < 0) {
            return digits.indexOf(chinese.charAt(0));
        }
        int tens = ten == 0 ? 1 : digits.indexOf(chinese.charAt(ten - 1));
        int units = ten == chinese.length() - 1 ? 0 : digits.indexOf(chinese.charAt(ten + 1));
        return tens * 10 + units;
    }
}
