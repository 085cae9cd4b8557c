package io.segmenta.architecture;

import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the message bundles named in {@link I18n#BUNDLES} against each other and against the code:
 * English ({@code <x>.properties}) and Spanish ({@code <x>_es.properties}) have the same keys, no
 * value is empty, every value is a valid {@link MessageFormat} pattern using the same arguments in
 * both languages, and every literal key passed to {@code tr(...)} or {@code new UserException(...)}
 * under src/main/java is defined. Reads the files in the source tree, so a failure names the file to
 * fix.
 */
class I18nTest {
    private static final Locale SPANISH = Locale.of("es");

    private static Path root;
    /** bundle base name (e.g. io.segmenta.i18n.data) to English and Spanish entries, in file order. */
    private static final Map<String, Map<String, String>> ENGLISH = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> SPANISH_BUNDLES = new LinkedHashMap<>();
    private static final List<String> LOAD_PROBLEMS = new ArrayList<>();

    @BeforeAll
    static void loadBundles() throws IOException {
        root = repositoryRoot();
        for (String base : I18n.BUNDLES) {
            ENGLISH.put(base, load(bundleFile(base, "")));
            SPANISH_BUNDLES.put(base, load(bundleFile(base, "_es")));
        }
    }

    @Test
    void bundleFilesAreReadableUtf8WithoutDuplicateKeys() {
        assertThat(I18n.BUNDLES).isNotEmpty();
        assertThat(LOAD_PROBLEMS).as("bundle files").isEmpty();
    }

    @Test
    void englishAndSpanishHaveTheSameKeys() {
        List<String> problems = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            Set<String> en = ENGLISH.get(base).keySet();
            Set<String> es = SPANISH_BUNDLES.get(base).keySet();
            Set<String> missingInSpanish = new TreeSet<>(en);
            missingInSpanish.removeAll(es);
            Set<String> missingInEnglish = new TreeSet<>(es);
            missingInEnglish.removeAll(en);
            if (!missingInSpanish.isEmpty()) {
                problems.add(rel(bundleFile(base, "_es")) + " lacks " + missingInSpanish);
            }
            if (!missingInEnglish.isEmpty()) {
                problems.add(rel(bundleFile(base, "")) + " lacks " + missingInEnglish);
            }
        }
        assertThat(problems).as("keys present in one language only").isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoBundles() {
        // I18n.tr takes the first bundle that has the key, so a second definition would never show.
        Map<String, String> firstBundle = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            for (String key : ENGLISH.get(base).keySet()) {
                String earlier = firstBundle.putIfAbsent(key, base);
                if (earlier != null) problems.add(key + " in " + earlier + " and " + base);
            }
        }
        assertThat(problems).as("keys defined twice").isEmpty();
    }

    @Test
    void noValueIsEmpty() {
        List<String> problems = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            emptyValues(base, "", ENGLISH.get(base), problems);
            emptyValues(base, "_es", SPANISH_BUNDLES.get(base), problems);
        }
        assertThat(problems).as("empty values").isEmpty();
    }

    @Test
    void messageFormatPatternsParseAndUseTheSameArguments() {
        List<String> problems = new ArrayList<>();
        for (String base : I18n.BUNDLES) {
            Map<String, String> en = ENGLISH.get(base);
            Map<String, String> es = SPANISH_BUNDLES.get(base);
            for (Map.Entry<String, String> e : en.entrySet()) {
                String key = e.getKey();
                Set<Integer> enArgs = checkPattern(rel(bundleFile(base, "")), key, e.getValue(), Locale.ENGLISH, problems);
                if (!es.containsKey(key)) continue; // reported by englishAndSpanishHaveTheSameKeys
                Set<Integer> esArgs = checkPattern(rel(bundleFile(base, "_es")), key, es.get(key), SPANISH, problems);
                if (enArgs != null && esArgs != null && !enArgs.equals(esArgs)) {
                    problems.add(key + ": English uses arguments " + enArgs + ", Spanish " + esArgs);
                }
            }
        }
        assertThat(problems).as("message patterns").isEmpty();
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Set<String> defined = new TreeSet<>();
        ENGLISH.values().forEach(m -> defined.addAll(m.keySet()));
        Path sources = root.resolve("src/main/java");
        List<KeyUse> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                uses.addAll(keyUses(rel(f), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(uses).as("tr(...)/UserException(...) call sites found under %s", sources).isNotEmpty();
        List<String> missing = uses.stream().filter(u -> !defined.contains(u.key()))
                .map(u -> u.file() + ":" + u.line() + ": " + u.key()).toList();
        assertThat(missing).as("keys used in src/main/java but defined in no bundle of %s", I18n.BUNDLES).isEmpty();
    }

    /** The source scanner itself, on the call forms it must and must not report. */
    @Test
    void keyScannerFindsLiteralKeysInEveryCallForm() {
        String source = """
                class X {
                    // tr("in.line.comment") and /* tr("in.block.comment") */ are not calls
                    /** Javadoc: {@code I18n.tr("in.javadoc")} */
                    String a = I18n.tr("a.plain");
                    String b = tr("b.static.import", 3);
                    String c = I18n.tr(Locale.ENGLISH, "c.with.locale", x);
                    RuntimeException d = new UserException("d.user");
                    RuntimeException e = new UserException(cause, "e.with.cause", 1);
                    RuntimeException f = new UserException(
                            ex.getCause(),
                            "f.multi.line");
                    String g = "tr(\\"in.string\\")";
                    String h = tr("h." + dynamic);
                    String i = I18n.tr(keyVariable, "not.a.key");
                    String j = attr("not.tr");
                    String k = \"""
                        tr("in.text.block")
                        \""";
                    char q = '"'; String l = tr("l.after.char");
                }
                """;
        List<KeyUse> uses = keyUses("X.java", source);
        assertThat(uses).extracting(KeyUse::key).containsExactly(
                "a.plain", "b.static.import", "c.with.locale", "d.user", "e.with.cause", "f.multi.line", "l.after.char");
        assertThat(uses).extracting(KeyUse::line).containsExactly(4, 5, 6, 7, 8, 11, 19);
    }

    @Test
    void patternCheckCatchesQuotingMistakes() {
        List<String> problems = new ArrayList<>();
        assertThat(checkPattern("f", "ok", "Read {0} of {1,number,integer} rows", Locale.ENGLISH, problems))
                .containsExactly(0, 1);
        assertThat(checkPattern("f", "choice", "{0,choice,0#no files|1#one file|1<{0,number,integer} files} in {1}",
                Locale.ENGLISH, problems)).containsExactly(0, 1);
        assertThat(problems).isEmpty();
        checkPattern("f", "apostrophe", "Can't read {0}", Locale.ENGLISH, problems);
        checkPattern("f", "broken", "Read {0 rows", Locale.ENGLISH, problems);
        checkPattern("f", "doubled", "Can''t stop", Locale.ENGLISH, problems);
        assertThat(problems).hasSize(3);
    }

    // ---------------------------------------------------------------------------------------------

    record KeyUse(String file, int line, String key) { }

    private static final String LITERAL = "\"((?:[^\"\\\\\\n]|\\\\.)+)\"\\s*[,)]";
    /** tr("key" / I18n.tr("key" / tr(Locale.X, "key" / new UserException("key" / new UserException(cause, "key". */
    private static final Pattern KEY_CALL = Pattern.compile(
            "(?<![\\w$])tr\\(\\s*(?:Locale\\.[A-Z_]+\\s*,\\s*)?" + LITERAL
            + "|\\bnew\\s+(?:[\\w.]+\\.)?UserException\\(\\s*(?:[^\",;()]+(?:\\([^()]*\\))?\\s*,\\s*)?" + LITERAL);

    static List<KeyUse> keyUses(String file, String source) {
        String code = blankCommentsAndStrings(source);
        List<KeyUse> uses = new ArrayList<>();
        Matcher m = KEY_CALL.matcher(code);
        while (m.find()) {
            int group = m.group(1) != null ? 1 : 2;
            // The literal was blanked in `code`; take its text from the original at the same offsets.
            String key = source.substring(m.start(group), m.end(group));
            uses.add(new KeyUse(file, lineOf(source, m.start(group)), key));
        }
        return uses;
    }

    /**
     * Replaces comments, text blocks, char literals and the contents of string literals that are
     * not call arguments with spaces, keeping offsets and line breaks. String literals keep their
     * quotes and text so the key pattern can match; strings inside comments disappear with them.
     */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') end = s.indexOf("\"\"\"", end + 1);
                end = end < 0 ? n : end + 3;
                blank(out, i, end);
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
                String body = s.substring(i + 1, Math.min(j, n));
                // A string that itself looks like a call, e.g. "tr(\"x\")", must not be scanned.
                if (body.contains("\\\"")) blank(out, i + 1, Math.min(j, n));
                i = Math.min(j + 1, n);
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '\'' && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
                blank(out, i, Math.min(j + 1, n));
                i = Math.min(j + 1, n);
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) if (out.charAt(k) != '\n') out.setCharAt(k, ' ');
    }

    private static int lineOf(String s, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) if (s.charAt(k) == '\n') line++;
        return line;
    }

    /**
     * Validates one value as I18n.tr uses it and returns the argument indices it refers to, or null
     * when it does not parse. With arguments, tr formats with MessageFormat (a lone apostrophe starts
     * a quoted section); without, it shows the text as written.
     */
    static Set<Integer> checkPattern(String file, String key, String pattern, Locale locale, List<String> problems) {
        MessageFormat format;
        try {
            format = new MessageFormat(pattern, locale);
        } catch (IllegalArgumentException e) {
            problems.add(file + ": " + key + " is not a valid MessageFormat pattern (" + e.getMessage() + "): " + pattern);
            return null;
        }
        Set<Integer> quoteAware = argumentIndices(pattern, true);
        Set<Integer> literal = argumentIndices(pattern, false);
        if (!quoteAware.equals(literal)) {
            problems.add(file + ": " + key + " hides placeholder(s) " + literal + " inside quotes; write '' for an apostrophe: " + pattern);
        } else if (quoteAware.isEmpty() && pattern.contains("''")) {
            problems.add(file + ": " + key + " has no placeholder, so tr shows '' as two apostrophes: " + pattern);
        }
        int highest = quoteAware.stream().mapToInt(Integer::intValue).max().orElse(-1);
        if (format.getFormatsByArgumentIndex().length > highest + 1) {
            problems.add(file + ": " + key + " uses arguments the scanner did not see: " + pattern);
        }
        return quoteAware;
    }

    /** Indices of {n...} elements, nested choice sub-patterns included. */
    private static Set<Integer> argumentIndices(String pattern, boolean honourQuotes) {
        Set<Integer> indices = new TreeSet<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (honourQuotes && c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int j = i + 1;
                while (j < pattern.length() && Character.isWhitespace(pattern.charAt(j))) j++;
                int start = j;
                while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) j++;
                if (j > start) indices.add(Integer.parseInt(pattern.substring(start, j)));
            }
        }
        return indices;
    }

    private static void emptyValues(String base, String suffix, Map<String, String> entries, List<String> problems) {
        entries.forEach((k, v) -> {
            if (v.isBlank()) problems.add(rel(bundleFile(base, suffix)) + ": " + k);
        });
    }

    private static Path bundleFile(String base, String suffix) {
        return root.resolve("resources").resolve(base.replace('.', '/') + suffix + ".properties");
    }

    private static String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Loads a bundle file strictly as UTF-8, as ResourceBundle does, recording duplicate keys. */
    private static Map<String, String> load(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            LOAD_PROBLEMS.add(rel(file) + " does not exist");
            return entries;
        }
        Properties props = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.containsKey((String) key)) LOAD_PROBLEMS.add(rel(file) + " defines " + key + " twice");
                entries.put((String) key, (String) value);
                return super.put(key, value);
            }
        };
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            props.load(r);
        } catch (CharacterCodingException e) {
            LOAD_PROBLEMS.add(rel(file) + " is not valid UTF-8");
        }
        return entries;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("resources/io/segmenta/i18n"))) {
                return d;
            }
        }
        throw new AssertionError("resources/io/segmenta/i18n not found above " + dir);
    }
}
