package io.segmenta.core.io;

import io.segmenta.core.data.ColumnType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Guesses delimiter, decimal separator and header from the start of a file (already UTF-8). */
final class CsvSniffer {
    private CsvSniffer() { }

    static final char[] DELIMITERS = {',', ';', '\t', '|'};

    /** Field counts of the first records for a candidate delimiter; null when it cannot be tokenized. */
    private static int[] fieldCounts(byte[] b, int len, char delim, char quote, int maxRecords) {
        CsvTokenizer t = new CsvTokenizer(b, len, delim, quote, 1);
        int[] counts = new int[maxRecords];
        int n = 0;
        int p = 0;
        try {
            while (n < maxRecords && (p = t.next(p)) >= 0) {
                if (t.isBlankRecord()) continue;
                counts[n++] = t.count;
                if (p >= len) break;
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            // keep what was read: the import itself reports the unclosed quote with its line
            if (n == 0) return null;
        }
        return java.util.Arrays.copyOf(counts, n);
    }

    /**
     * The delimiter whose field count is most consistent across the first records (and above one).
     * Falls back to space-separated (runs of blanks) when no candidate splits the lines.
     */
    static char detectDelimiter(byte[] b, int len, char quote) {
        int sampleLen = Math.min(len, 256 * 1024);
        char best = ',';
        double bestScore = -1;
        for (char d : DELIMITERS) {
            double score = score(fieldCounts(b, sampleLen, d, quote, 200));
            if (score > bestScore) { bestScore = score; best = d; }
        }
        if (bestScore <= 0 && mostlyNumericTokens(b, sampleLen, quote)) {
            // whitespace-separated numeric data (e.g. the CDNOW transaction log); never for plain text
            // lines such as a single column of full names
            double s = score(fieldCounts(b, sampleLen, ' ', quote, 200));
            if (s > 0.9) return ' ';
        }
        return best;
    }

    private static boolean mostlyNumericTokens(byte[] b, int len, char quote) {
        CsvTokenizer t = new CsvTokenizer(b, len, ' ', quote, 1);
        ValueParser vp = new ValueParser('.', '\0');
        int p = 0, numeric = 0, total = 0;
        try {
            for (int r = 0; r < 200 && (p = t.next(p)) >= 0; r++) {
                if (r == 0) continue; // may be a header
                for (int i = 0; i < t.count; i++) {
                    total++;
                    if (vp.parseDouble(b, t.start[i], t.stop[i])) numeric++;
                }
                if (p >= len) break;
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            return false;
        }
        return total > 0 && numeric * 2 >= total;
    }

    /** Share of records with the modal field count, weighted up slightly by that count; 0 when it is 1. */
    private static double score(int[] counts) {
        if (counts == null || counts.length == 0) return -1;
        Map<Integer, Integer> freq = new HashMap<>();
        for (int c : counts) freq.merge(c, 1, Integer::sum);
        int mode = 1, modeFreq = 0;
        for (var e : freq.entrySet()) {
            if (e.getValue() > modeFreq || (e.getValue() == modeFreq && e.getKey() > mode)) {
                mode = e.getKey();
                modeFreq = e.getValue();
            }
        }
        if (mode <= 1) return 0;
        double consistency = (double) modeFreq / counts.length;
        return consistency + Math.min(mode, 50) / 1000.0;
    }

    private static final Pattern COMMA_DEFINITE = Pattern.compile("^[+-]?(\\d+,(\\d{1,2}|\\d{4,})|\\d{1,3}(\\.\\d{3})+,\\d+)$");
    private static final Pattern DOT_DEFINITE = Pattern.compile("^[+-]?(\\d+\\.(\\d{1,2}|\\d{4,})|\\d{1,3}(,\\d{3})+\\.\\d+)$");

    /** Decimal separator from the values: definite evidence first, then the delimiter's convention. */
    static char detectDecimal(List<String[]> rows, char delimiter) {
        int comma = 0, dot = 0;
        for (String[] r : rows) {
            for (String v : r) {
                if (v == null || v.length() > 40 || v.isEmpty()) continue;
                char c0 = v.charAt(0);
                if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+')) continue;
                if (COMMA_DEFINITE.matcher(v).matches()) comma++;
                else if (DOT_DEFINITE.matcher(v).matches()) dot++;
            }
        }
        if (comma > dot) return ',';
        if (dot > 0) return '.';
        return delimiter == ';' ? ',' : '.';
    }

    /**
     * Whether the first row is a header: per column, a first value that does not read as the type of the
     * values below votes for a header, one that does votes against. With no typed evidence, a first row of
     * distinct non-numeric labels is a header.
     */
    static boolean detectHeader(List<String[]> rows, ValueParser vp, java.util.Set<String> missing, boolean dayFirst) {
        if (rows.isEmpty()) return false;
        String[] first = rows.get(0);
        if (rows.size() == 1) return looksLikeLabels(first, vp);
        int forHeader = 0, against = 0;
        for (int c = 0; c < first.length; c++) {
            List<String> below = new ArrayList<>();
            for (int i = 1; i < rows.size() && below.size() < 2000; i++) {
                String[] r = rows.get(i);
                if (c < r.length && r[c] != null && !missing.contains(r[c])) below.add(r[c]);
            }
            if (below.isEmpty()) continue;
            TypeInference.Inferred inf = TypeInference.infer(below, vp, dayFirst);
            String v = first[c] == null ? "" : first[c];
            if (v.isEmpty()) continue;
            if (inf.type() == ColumnType.CATEGORICAL || inf.type() == ColumnType.TEXT) {
                if (inf.leadingZeros() && !v.chars().allMatch(Character::isDigit)) forHeader++; // "ID" above "02", "03"
                else if (below.contains(v)) against++;
                continue;
            }
            TypeInference.Inferred one = TypeInference.infer(List.of(v), vp, dayFirst);
            boolean fits = one.type() == inf.type()
                    || (inf.type() == ColumnType.DECIMAL && one.type() == ColumnType.INTEGER)
                    || (inf.type() == ColumnType.DATETIME && one.type() == ColumnType.DATE);
            if (fits) against++; else forHeader++;
        }
        // A label over typed values is strong evidence (years as column names still vote against)
        if (forHeader > 0) return forHeader >= against || allDistinct(first);
        return against == 0 && looksLikeLabels(first, vp);
    }

    private static boolean allDistinct(String[] first) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String v : first) if (v == null || v.isEmpty() || !seen.add(v)) return false;
        return true;
    }

    private static boolean looksLikeLabels(String[] first, ValueParser vp) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String v : first) {
            if (v == null || v.isEmpty() || !seen.add(v)) return false;
            byte[] b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (vp.parseDouble(b, 0, b.length)) return false;
        }
        return true;
    }
}
