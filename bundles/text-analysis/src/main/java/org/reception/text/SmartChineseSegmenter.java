package org.reception.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.spi.Segmenter;

/**
 * Chinese word segmentation with Lucene's {@link SmartChineseAnalyzer} (a hidden Markov model over its
 * own dictionary, simplified Chinese; Latin words lower-cased and reduced to their stem by the Porter
 * stemmer). Leaves out the stop words of the file configured ({@code etc/reception-stopwords.txt}
 * by default, else the built-in list), words of one character, and words without a letter
 * (punctuation, numbers).
 */
@Component(service = Segmenter.class, configurationPid = SegmenterConfig.PID)
@Designate(ocd = SegmenterConfig.class)
public final class SmartChineseSegmenter implements Segmenter {

    private static final Logger LOG = LogManager.getLogger(SmartChineseSegmenter.class);

    /** The built-in stop words: a resource of this bundle, the file the features install to {@code etc/}. */
    static final String DEFAULTS = "reception-stopwords.txt";

    /** The words left out, and the analyzer that leaves them out; replaced together. */
    private record Words(Set<String> stop, SmartChineseAnalyzer analyzer) {
    }

    private volatile Words words;

    @Activate
    public SmartChineseSegmenter(SegmenterConfig config) {
        this.words = words(stopWords(config.stopWordsFile()));
    }

    /** A segmenter leaving out these stop words, outside the OSGi framework (tests, tools). */
    public SmartChineseSegmenter(Collection<String> stopWords) {
        this.words = words(normalized(stopWords));
    }

    /**
     * Reads the stop words again. The analyzer it replaces is not closed, as a request may still be
     * using it: its per-thread state goes with it when it is no longer referenced.
     */
    @Modified
    void modified(SegmenterConfig config) {
        words = words(stopWords(config.stopWordsFile()));
    }

    @Deactivate
    void deactivate() {
        words.analyzer().close();
    }

    @Override
    public List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Words current = words;
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = current.analyzer().tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (kept(word, current.stop())) {
                    terms.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            // A StringReader never fails: a failure here is a fault of the analyzer.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The stop words in use, lower-cased. */
    public Set<String> stopWords() {
        return words.stop();
    }

    /** Whether a word names something: two characters or more, a letter among them, not a stop word. */
    static boolean kept(String word, Set<String> stop) {
        if (word.codePointCount(0, word.length()) < 2) {
            return false;
        }
        if (word.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        return !stop.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The built-in stop words (the list the platform ships in {@code etc/}). */
    public static Set<String> defaultStopWords() {
        try (InputStream in = SmartChineseSegmenter.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the built-in stop words " + DEFAULTS + " are missing from the bundle");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in stop words", e);
        }
    }

    /** The stop words of the file configured, or the built-in ones (with a warning) when it cannot be read. */
    static Set<String> stopWords(String configured) {
        Path file = resolve(configured);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Set<String> stop = read(reader);
            LOG.info("Hot topics leave out the {} stop words of {}", stop.size(), file);
            return stop;
        } catch (NoSuchFileException e) {
            LOG.warn("The stop words file {} does not exist: the hot topics leave out the built-in stop words", file);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("The stop words file {} cannot be read ({}): the hot topics leave out the built-in stop words",
                    file, e.getMessage());
        }
        return defaultStopWords();
    }

    /**
     * The file a configured value names: {@code ${karaf.etc}} is the platform's {@code etc/} folder
     * (the system property {@code karaf.etc}, else {@code etc}), and a relative path is taken from it.
     */
    static Path resolve(String configured) {
        String etc = System.getProperty("karaf.etc", "etc");
        String value = configured == null || configured.isBlank() ? SegmenterConfig.KARAF_ETC + "/" + DEFAULTS
                : configured.strip();
        if (value.contains(SegmenterConfig.KARAF_ETC)) {
            return Path.of(value.replace(SegmenterConfig.KARAF_ETC, etc));
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : Path.of(etc).resolve(path);
    }

    /** One word a line; {@code #} starts a comment to the end of its line; blank lines are ignored. */
    static Set<String> read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        Set<String> stop = new LinkedHashSet<>();
        String line;
        while ((line = reader.readLine()) != null) {
            int comment = line.indexOf('#');
            String word = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (word.startsWith("\uFEFF")) {
                word = word.substring(1).strip();
            }
            if (!word.isEmpty()) {
                stop.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(stop);
    }

    private static Set<String> normalized(Collection<String> words) {
        Set<String> stop = new LinkedHashSet<>();
        for (String word : words) {
            if (word != null && !word.isBlank()) {
                stop.add(word.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(stop);
    }

    private static Words words(Set<String> stop) {
        return new Words(stop, new SmartChineseAnalyzer(new CharArraySet(stop, true)));
    }
}
