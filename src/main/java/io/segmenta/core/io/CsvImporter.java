package io.segmenta.core.io;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads CSV files into columnar datasets: detection of encoding, delimiter, quoting, decimal separator,
 * header and column types; a preview for the import wizard; and the import itself, parsed in parallel
 * chunks straight from bytes into primitive arrays.
 *
 * <p>Written by hand rather than with a CSV library so that every rejected row and every value turned
 * into missing is reported with its file and line, Spanish conventions (decimal comma, dd/MM/yyyy, sí/no)
 * are first-class, and a 1M × 20 file imports in about the time pandas needs (see {@code segmenta bench import}).
 */
public final class CsvImporter {
    /** Bytes read for a preview: enough for detection without reading a large file whole. */
    static final int PREVIEW_BYTES = 4 * 1024 * 1024;
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;
    private static final int SAMPLE_HEAD_ROWS = 2000;
    private static final int SAMPLE_WINDOWS = 32;
    private static final int SAMPLE_WINDOW_ROWS = 300;

    private CsvImporter() { }

    // ------------------------------------------------------------------------------------------ API

    /** Detects settings and types and returns the first {@code maxRows} rows as text. */
    public static CsvPreview preview(Path file, CsvOptions options, int maxRows) {
        CsvOptions opts = options == null ? CsvOptions.detect() : options;
        Loaded l = load(file, opts, PREVIEW_BYTES, false);
        Plan plan = plan(l, opts, Set.of());
        List<List<String>> rows = new ArrayList<>();
        CsvTokenizer t = new CsvTokenizer(l.bytes, l.len, plan.delim, plan.quote, plan.dataLine);
        int p = plan.dataStart;
        try {
            while (rows.size() < maxRows && (p = t.next(p)) >= 0) {
                if (t.isBlankRecord()) continue;
                List<String> r = new ArrayList<>(plan.names.length);
                for (int i = 0; i < plan.names.length; i++) r.add(i < t.count ? t.fieldString(i) : "");
                rows.add(r);
                if (p >= l.len) break;
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            if (!l.truncated || rows.isEmpty()) throw unclosed(l.name, e);
        }
        List<CsvPreview.PreviewColumn> cols = new ArrayList<>();
        for (int i = 0; i < plan.names.length; i++) {
            ValueParser.DateLayout lay = plan.layouts[i];
            ColumnType type = plan.types[i];
            int distinct = plan.sampleDistinct[i], n = plan.sampleValues[i];
            if (type == ColumnType.CATEGORICAL && !plan.overridden[i] && !TypeInference.isCategorical(distinct, n)) {
                type = ColumnType.TEXT; // as the import will decide on the whole file
            }
            boolean id = TypeInference.idLikeName(plan.names[i])
                    || (n >= 20 && distinct == n && type != ColumnType.DECIMAL && type != ColumnType.DATE && type != ColumnType.DATETIME);
            cols.add(new CsvPreview.PreviewColumn(plan.names[i], type, id,
                    lay == null ? null : lay.pattern(type == ColumnType.DATETIME, plan.times[i])));
        }
        return new CsvPreview(l.name, plan.settings(l), cols, rows, plan.warnings);
    }

    /** Imports one file or several partitions (same columns) as one dataset. */
    public static ImportResult importFiles(ImportRequest request, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        if (request.dictionary() != null) DataDictionary.read(request.dictionary()); // fail before the long work
        List<Path> files = request.files();
        long totalBytes = 0;
        for (Path f : files) totalBytes += sizeOf(f);
        // the same file given twice would import its rows twice: one customer, two rows
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (!seen.add(f.toAbsolutePath().normalize())) throw new UserException("csv.error.sameFileTwice", f.toString());
        }
        Progress progress = new Progress(c, totalBytes);
        final CsvOptions opts = request.options();
        Set<String> retype = new HashSet<>();
        for (int attempt = 0; ; attempt++) {
            Outcome out = importOnce(request, opts, progress, retype);
            if (attempt == 0) {
                // A column whose sample looked typed but whose rows often are not: read it as text instead.
                for (int j = 0; j < out.plan.names.length; j++) {
                    if (out.plan.overridden[j]) continue;
                    long coerced = out.coerced[j];
                    long nonMissing = out.rows - out.missingBefore[j];
                    // codes among the numbers (cancelled invoices "C489440" past the sample) make it a column of codes
                    if ((coerced > 0 && coerced > Math.max(0, 0.02 * nonMissing)) || out.codeLike[j]) {
                        retype.add(out.plan.names[j]);
                    }
                }
                if (!retype.isEmpty()) {
                    progress.restart();
                    continue;
                }
            }
            return finish(request, out);
        }
    }

    // ------------------------------------------------------------------------------------ loading

    /** A file read into memory as UTF-8 bytes. */
    private record Loaded(Path path, String name, byte[] bytes, int len, Charset charset, boolean bom,
                          long sizeBytes, String sha256, boolean truncated, List<String> warnings) { }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Loaded load(Path file, CsvOptions opts, int maxBytes, boolean hash) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) throw new UserException("csv.error.isDirectory", file.toString());
        if (!Files.exists(file)) throw new UserException("csv.error.notFound", file.toString());
        if (!Files.isReadable(file)) throw new UserException("csv.error.notReadable", file.toString());
        if (!Files.isRegularFile(file)) throw new UserException("csv.error.notRegular", file.toString());
        byte[] raw;
        long size;
        boolean truncated = false;
        try {
            size = Files.size(file);
            if (size > MAX_FILE_BYTES && maxBytes <= 0) {
                throw new UserException("csv.error.tooLarge", file.toString(), size / (1024 * 1024));
            }
            if (maxBytes > 0 && size > maxBytes) {
                raw = new byte[maxBytes];
                try (InputStream in = Files.newInputStream(file)) {
                    int n = in.readNBytes(raw, 0, maxBytes);
                    // cut at the last line break so no record or character is split
                    int cut = n;
                    while (cut > 0 && raw[cut - 1] != '\n') cut--;
                    raw = Arrays.copyOf(raw, cut > 0 ? cut : n);
                }
                truncated = true;
            } else {
                raw = Files.readAllBytes(file);
            }
        } catch (NoSuchFileException e) {
            throw new UserException("csv.error.notFound", file.toString());
        } catch (AccessDeniedException e) {
            throw new UserException("csv.error.notReadable", file.toString());
        } catch (IOException e) {
            throw new UserException(e, "csv.error.io", file.toString(), String.valueOf(e.getMessage()));
        }
        String sha = hash ? sha256(raw) : null;
        if (raw.length == 0) throw new UserException("csv.error.empty", name);
        Charset cs;
        boolean bom;
        int skip;
        TextDecoding.Detected det = TextDecoding.detect(raw, raw.length, name);
        if (opts.encoding() != null) {
            cs = opts.encoding();
            bom = det.bom() && det.charset().equals(cs);
            skip = bom ? det.bomLength() : 0;
            if (TextDecoding.isUtf16(cs) && !bom && !TextDecoding.hasZeroByte(raw, Math.min(raw.length, 64 * 1024))) {
                // commas, digits and line ends in UTF-16 have a zero byte beside them: without any, the file is not
                // UTF-16, and reading it so would give one line of unreadable characters ("no data rows")
                throw new UserException("csv.error.notUtf16", name, cs.name(), det.charset().name());
            }
            if (TextDecoding.isUtf16(det.charset()) && !TextDecoding.isUtf16(cs)) {
                // a UTF-16 file (its BOM, or a zero byte beside every character) read byte by byte: zero bytes
                // inside every name and value
                throw new UserException("csv.error.looksUtf16", name, cs.name(), det.charset().name());
            }
        } else {
            cs = det.charset();
            bom = det.bom();
            skip = det.bomLength();
        }
        List<String> warnings = new ArrayList<>();
        if (opts.encoding() == null && det.bomMismatch()) warnings.add(I18n.tr("csv.warn.bomNotUtf8", name, cs.name()));
        byte[] utf8;
        if (opts.encoding() == null && det.invalidSequences() > 0) {
            utf8 = new String(raw, skip, raw.length - skip, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            warnings.add(I18n.tr("csv.warn.invalidUtf8", name, det.invalidSequences()));
        } else {
            utf8 = TextDecoding.toUtf8(raw, raw.length, cs, skip);
            if (opts.encoding() != null) {
                // an encoding the user chose that does not fit the bytes: say how many could not be read, and
                // what the file looks like, instead of importing replacement characters without a word
                long bad = cs.equals(StandardCharsets.UTF_8) ? TextDecoding.utf8Counts(raw, raw.length)[1] : TextDecoding.replacements(utf8);
                if (bad > 0) {
                    warnings.add(I18n.tr("csv.warn.forcedEncodingInvalid", name, cs.name(), bad, det.charset().name()));
                } else if (!cs.equals(det.charset()) && det.charset().equals(StandardCharsets.UTF_8) && !TextDecoding.isAscii(raw)) {
                    // valid UTF-8 with accents read as windows-1252 or Latin-1: every é becomes Ã©
                    warnings.add(I18n.tr("csv.warn.forcedEncodingMismatch", name, cs.name(), det.charset().name()));
                }
            }
        }
        boolean blank = true;
        for (byte b : utf8) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') { blank = false; break; }
        }
        if (blank) throw new UserException("csv.error.empty", name);
        return new Loaded(file, name, utf8, utf8.length, cs, bom, size, sha, truncated, warnings);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------ planning

    /** Everything decided before parsing: settings, column names and types. */
    private static final class Plan {
        char delim, quote, decimal, thousands;
        boolean header, dayFirst;
        String[] names;
        /** Columns renamed because the header repeated a name: new name → the header's name. */
        final Map<String, String> renamed = new LinkedHashMap<>();
        String[] rawHeader;
        ColumnType[] types;
        ValueParser.DateLayout[] layouts;
        /** How each date-time column writes its time (" HH:mm", "'T'HH:mm:ss"…; null = " HH:mm:ss"). */
        String[] times;
        boolean[] overridden;
        int[] sampleDistinct;
        int[] sampleValues;
        byte[][][] missing; // per column, tokens as UTF-8
        boolean[][] missingFirstByte; // per column: can a token start with this byte?
        int maxMissingLen;
        int dataStart;
        long dataLine;
        Set<String> globalMissing;
        Map<String, Set<String>> columnMissing;
        final List<String> warnings = new ArrayList<>();

        CsvSettings settings(Loaded l) {
            Map<String, ColumnType> types = new LinkedHashMap<>();
            Map<String, String> formats = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                types.put(names[i], this.types[i]);
                if (layouts[i] != null) formats.put(names[i], layouts[i].pattern(this.types[i] == ColumnType.DATETIME, times[i]));
            }
            return new CsvSettings(delim, quote, l.charset.name(), l.bom, decimal, thousands, header, dayFirst,
                    globalMissing, columnMissing, types, formats);
        }

        boolean isMissing(int col, byte[] b, int s, int e) {
            int len = e - s;
            if (len == 0) return true;
            if (len > maxMissingLen || !missingFirstByte[col][b[s] & 0xFF]) return false;
            for (byte[] tok : missing[col]) {
                if (tok.length != len) continue;
                int k = 0;
                while (k < len && tok[k] == b[s + k]) k++;
                if (k == len) return true;
            }
            return false;
        }
    }

    /**
     * @param asText columns to read as strings (categorical or text decided from the data), because a first
     *               pass found too many values that did not fit the type their sample suggested
     */
    private static Plan plan(Loaded l, CsvOptions o, Set<String> asText) {
        Plan p = new Plan();
        p.warnings.addAll(l.warnings);
        if (o.delimiter() != null && o.delimiter() > 127) {
            throw new UserException("csv.error.delimiter", String.valueOf(o.delimiter()));
        }
        p.quote = o.quote() != null ? o.quote() : '"';
        p.delim = o.delimiter() != null ? o.delimiter() : CsvSniffer.detectDelimiter(l.bytes, l.len, p.quote);
        p.dayFirst = o.dayFirst() == null || o.dayFirst();
        p.globalMissing = o.effectiveMissingTokens();
        p.columnMissing = o.columnMissingTokens();

        // head records as strings for detection
        List<String[]> head = new ArrayList<>();
        List<Long> headLines = new ArrayList<>();
        List<Integer> headEnds = new ArrayList<>();
        CsvTokenizer t = new CsvTokenizer(l.bytes, l.len, p.delim, p.quote, 1);
        int pos = 0;
        int firstStart = -1;
        long firstLine = 1;
        try {
            int q;
            while (head.size() < SAMPLE_HEAD_ROWS + 1 && (q = t.next(pos)) >= 0) {
                if (!t.isBlankRecord()) {
                    if (firstStart < 0) { firstStart = pos; firstLine = t.recordLine; }
                    String[] r = new String[t.count];
                    for (int i = 0; i < t.count; i++) r[i] = t.fieldString(i);
                    head.add(r);
                    headLines.add(t.recordLine);
                    headEnds.add(q);
                }
                pos = q;
                if (q >= l.len) break;
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            if (head.size() < 2 || !l.truncated) throw unclosed(l.name, e);
        }
        if (head.isEmpty()) throw new UserException("csv.error.empty", l.name);

        ValueParser probe = new ValueParser('.', '\0');
        List<String[]> dataForDecimal = head.size() > 1 ? head.subList(1, head.size()) : head;
        p.decimal = o.decimal() != null ? o.decimal() : CsvSniffer.detectDecimal(dataForDecimal, p.delim);
        p.thousands = p.decimal == ',' ? '.' : (p.delim == ',' ? '\0' : ',');
        if (p.decimal == '.' && p.delim != ',') p.thousands = '\0';
        ValueParser vp = new ValueParser(p.decimal, p.thousands);
        p.header = o.header() != null ? o.header() : CsvSniffer.detectHeader(head, vp, p.globalMissing, p.dayFirst);

        int ncol = modalCount(head);
        if (p.header) {
            // the header defines the columns; rows with extra empty trailing fields are still accepted
            ncol = head.get(0).length;
            p.rawHeader = head.get(0);
            p.names = headerNames(head.get(0), ncol, l.name, headLines.get(0), p.warnings, p.renamed);
            p.dataStart = headEnds.get(0);
            p.dataLine = headLines.get(0) + 1;
            // the line after the header record (it may span lines when quoted)
            CsvTokenizer t2 = new CsvTokenizer(l.bytes, l.len, p.delim, p.quote, headLines.get(0));
            t2.next(firstStart);
            p.dataLine = t2.line();
            if (head.size() == 1) throw new UserException("csv.error.headerOnly", l.name);
        } else {
            p.names = new String[ncol];
            for (int i = 0; i < ncol; i++) p.names[i] = "column_" + (i + 1);
            p.dataStart = firstStart;
            p.dataLine = firstLine;
        }
        ncol = p.names.length;

        // missing tokens per column
        p.missing = new byte[ncol][][];
        p.missingFirstByte = new boolean[ncol][256];
        for (int i = 0; i < ncol; i++) {
            Set<String> toks = new HashSet<>(p.globalMissing);
            toks.addAll(p.columnMissing.getOrDefault(p.names[i], Set.of()));
            p.missing[i] = toks.stream().map(s -> s.trim().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            for (byte[] b : p.missing[i]) {
                p.maxMissingLen = Math.max(p.maxMissingLen, b.length);
                if (b.length > 0) p.missingFirstByte[i][b[0] & 0xFF] = true;
            }
        }
        for (String c : p.columnMissing.keySet()) {
            if (!Arrays.asList(p.names).contains(c)) p.warnings.add(I18n.tr("csv.warn.unknownColumn", c, l.name));
        }

        // sample: head rows plus windows spread over the file
        List<String[]> sample = new ArrayList<>(p.header ? head.subList(1, head.size()) : head);
        if (l.len > 2L * (headEnds.get(headEnds.size() - 1))) sample.addAll(windows(l, p));

        p.types = new ColumnType[ncol];
        p.layouts = new ValueParser.DateLayout[ncol];
        p.times = new String[ncol];
        p.overridden = new boolean[ncol];
        p.sampleDistinct = new int[ncol];
        p.sampleValues = new int[ncol];
        for (int j = 0; j < ncol; j++) {
            List<String> vals = new ArrayList<>();
            for (String[] r : sample) {
                if (j < r.length && r[j] != null) {
                    byte[] b = r[j].getBytes(StandardCharsets.UTF_8);
                    if (!p.isMissing(j, b, 0, b.length)) vals.add(r[j]);
                }
            }
            p.sampleValues[j] = vals.size();
            p.sampleDistinct[j] = new HashSet<>(vals).size();
            ColumnType forced = o.columnTypes().get(p.names[j]);
            TypeInference.Inferred inf = TypeInference.infer(vals, vp, p.dayFirst);
            if (forced != null) {
                p.overridden[j] = true;
                p.types[j] = forced;
                if (forced == ColumnType.DATE || forced == ColumnType.DATETIME) {
                    p.layouts[j] = inf.layout() != null ? inf.layout() : bestLayout(vals, vp, p.dayFirst);
                    p.times[j] = inf.time();
                }
            } else if (asText.contains(p.names[j])) {
                p.types[j] = ColumnType.CATEGORICAL;
            } else {
                p.types[j] = inf.type();
                p.layouts[j] = inf.layout();
                p.times[j] = inf.time();
            }
        }
        for (String c : o.columnTypes().keySet()) {
            if (!Arrays.asList(p.names).contains(c)) p.warnings.add(I18n.tr("csv.warn.unknownColumn", c, l.name));
        }
        return p;
    }

    private static ValueParser.DateLayout bestLayout(List<String> vals, ValueParser vp, boolean dayFirst) {
        ValueParser.DateLayout best = dayFirst ? ValueParser.CANDIDATES[3] : ValueParser.CANDIDATES[6];
        int bestOk = 0;
        for (ValueParser.DateLayout lay : ValueParser.CANDIDATES) {
            int ok = 0;
            for (String v : vals) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                if (vp.parseDate(b, 0, b.length, lay)) ok++;
            }
            if (ok > bestOk) { bestOk = ok; best = lay; }
        }
        return best;
    }

    private static List<String[]> windows(Loaded l, Plan p) {
        List<String[]> out = new ArrayList<>();
        for (int w = 1; w <= SAMPLE_WINDOWS; w++) {
            int at = (int) ((long) l.len * w / (SAMPLE_WINDOWS + 1));
            int s = nextLineStart(l.bytes, l.len, at);
            if (s < 0) continue;
            CsvTokenizer t = new CsvTokenizer(l.bytes, l.len, p.delim, p.quote, 0);
            int pos = s;
            try {
                // skip one record: the split may have landed inside a quoted field
                pos = t.next(pos);
                for (int k = 0; k < SAMPLE_WINDOW_ROWS && pos >= 0 && pos < l.len; k++) {
                    pos = t.next(pos);
                    if (pos < 0) break;
                    if (t.isBlankRecord() || t.count != p.names.length) continue;
                    String[] r = new String[t.count];
                    for (int i = 0; i < t.count; i++) r[i] = t.fieldString(i);
                    out.add(r);
                }
            } catch (CsvTokenizer.UnclosedQuoteException ignored) {
                // a misaligned window; the head sample still counts
            }
        }
        return out;
    }

    private static int nextLineStart(byte[] b, int len, int from) {
        for (int i = from; i < len; i++) {
            if (b[i] == '\n') return i + 1 < len ? i + 1 : -1;
        }
        return -1;
    }

    private static int modalCount(List<String[]> rows) {
        Map<Integer, Integer> f = new HashMap<>();
        for (String[] r : rows) f.merge(r.length, 1, Integer::sum);
        return f.entrySet().stream().max((a, b) -> a.getValue().equals(b.getValue())
                ? Integer.compare(a.getKey(), b.getKey()) : Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey).orElse(1);
    }

    private static String[] headerNames(String[] raw, int ncol, String file, long line, List<String> warnings,
                                        Map<String, String> renamed) {
        String[] names = new String[ncol];
        String[] given = new String[ncol];
        // a name made up for a blank or repeated header never takes a name the file itself uses later on
        // (a, a, a_2 → a, a_3, a_2), so the user's own column keeps its name
        Set<String> used = new HashSet<>();
        for (int i = 0; i < ncol; i++) {
            String n = i < raw.length && raw[i] != null ? raw[i].strip() : "";
            if (n.startsWith("\uFEFF")) n = n.substring(1);
            given[i] = n;
        }
        Set<String> reserved = new HashSet<>(Arrays.asList(given));
        for (int i = 0; i < ncol; i++) {
            String n = given[i];
            if (n.isEmpty()) {
                String nn = uniqueName("column_" + (i + 1), used, reserved);
                warnings.add(I18n.tr("csv.warn.blankHeader", file, line, i + 1, nn));
                n = nn;
            } else if (used.contains(n)) {
                String nn = uniqueName(n, used, reserved);
                warnings.add(I18n.tr("csv.warn.duplicateHeader", file, line, i + 1, n, nn));
                renamed.put(nn, n);
                n = nn;
            }
            used.add(n);
            names[i] = n;
        }
        return names;
    }

    private static String uniqueName(String base, Set<String> used) {
        return uniqueName(base, used, Set.of());
    }

    /** {@code base}, or base_2, base_3, … : the first in neither set. */
    private static String uniqueName(String base, Set<String> used, Set<String> reserved) {
        if (!used.contains(base) && !reserved.contains(base)) return base;
        for (int k = 2; ; k++) {
            String c = base + "_" + k;
            if (!used.contains(c) && !reserved.contains(c)) return c;
        }
    }

    private static UserException unclosed(String file, CsvTokenizer.UnclosedQuoteException e) {
        return new UserException("csv.error.unclosedQuote", file, e.line, e.field);
    }

    // ------------------------------------------------------------------------------------ parsing

    /** Progress over all bytes of all files, reported from the coordinating thread only. */
    private static final class Progress {
        final TaskContext ctx;
        final long total;
        final AtomicLong done = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();
        long base;

        Progress(TaskContext ctx, long total) {
            this.ctx = ctx;
            this.total = Math.max(1, total);
        }

        void restart() {
            done.set(0);
            base = 0;
        }

        void report(String file) {
            ctx.progress(Math.min(total, done.get()), total, I18n.tr("csv.progress.reading", file));
            if (ctx.isCancelled()) cancelled.set(true);
        }
    }

    /** What one chunk produced. Lines are relative to the chunk start. */
    private static final class Chunk {
        ColumnAccumulator[] cols;
        int rows;
        int end;
        long lines;
        long blank;
        long rejectedCount;
        final List<long[]> rejectedLines = new ArrayList<>();
        final List<String> rejectedReasons = new ArrayList<>();
        RuntimeException failure;
        long baseLine;
        /** Per accepted row, the line its record starts on, relative to the chunk (as the rejected lines). */
        int[] rowLines = new int[256];

        void addRowLine(long line) {
            if (rows == rowLines.length) rowLines = Arrays.copyOf(rowLines, rows * 2);
            rowLines[rows] = (int) line;
        }
    }

    private static Chunk parseChunk(Loaded l, Plan p, int from, int to, Progress progress, int fileIndex) {
        Chunk ch = new Chunk();
        int ncol = p.names.length;
        int estimate = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, (long) (to - from) / Math.max(8, ncol * 4)));
        ValueParser vp = new ValueParser(p.decimal, p.thousands);
        ch.cols = new ColumnAccumulator[ncol];
        for (int j = 0; j < ncol; j++) {
            ch.cols[j] = ColumnAccumulator.create(p.types[j], vp, p.layouts[j], Math.min(estimate, 1 << 16));
            ch.cols[j].fileIndex = fileIndex;
        }
        CsvTokenizer t = new CsvTokenizer(l.bytes, l.len, p.delim, p.quote, 0);
        byte[] scratch = new byte[256];
        int pos = from;
        int sinceReport = 0;
        long lastDone = from;
        try {
            while (pos < to) {
                int next = t.next(pos);
                if (next < 0) break;
                if (t.isBlankRecord()) {
                    ch.blank++;
                } else if (t.count != ncol && !(t.count > ncol && extraEmpty(t, ncol))) {
                    ch.rejectedCount++;
                    if (ch.rejectedLines.size() < ImportReport.MAX_LISTED) {
                        ch.rejectedLines.add(new long[]{t.recordLine});
                        ch.rejectedReasons.add(I18n.tr("csv.reject.fieldCount", ncol, t.count));
                    }
                } else {
                    long line = t.recordLine;
                    for (int j = 0; j < ncol; j++) {
                        byte[] b = l.bytes;
                        int s = t.start[j], e = t.stop[j];
                        if (t.escaped[j]) {
                            if (scratch.length < e - s) scratch = new byte[(e - s) * 2];
                            e = t.copyField(j, scratch);
                            s = 0;
                            b = scratch;
                        }
                        ColumnAccumulator acc = ch.cols[j];
                        if (p.isMissing(j, b, s, e)) acc.addMissing();
                        else acc.add(b, s, e, line);
                    }
                    ch.addRowLine(line);
                    ch.rows++;
                }
                pos = next;
                if (++sinceReport == 8192) {
                    sinceReport = 0;
                    progress.done.addAndGet(pos - lastDone);
                    lastDone = pos;
                    if (progress.cancelled.get()) throw new CancelledException();
                }
                if (next >= l.len) break;
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            ch.failure = e;
        }
        progress.done.addAndGet(Math.max(0, pos - lastDone));
        ch.end = pos;
        ch.lines = t.line();
        return ch;
    }

    private static boolean extraEmpty(CsvTokenizer t, int ncol) {
        for (int i = ncol; i < t.count; i++) if (t.start[i] != t.stop[i]) return false;
        return true;
    }

    private record FileParse(Loaded loaded, List<Chunk> chunks) { }

    private static final class Outcome {
        Plan plan;
        List<FileParse> files = new ArrayList<>();
        long rows;
        long[] coerced;
        long[] missingBefore;
        /** A number column where a value that was not a number read as a code (see {@link TypeInference#looksLikeCode}). */
        boolean[] codeLike;
    }

    private static Outcome importOnce(ImportRequest req, CsvOptions opts, Progress progress, Set<String> asText) {
        Outcome out = new Outcome();
        int threads = io.segmenta.core.task.Parallelism.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "segmenta-csv");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Path> files = req.files();
            for (int fi = 0; fi < files.size(); fi++) {
                Path f = files.get(fi);
                Loaded l = load(f, opts, 0, true);
                Plan plan;
                if (fi == 0) {
                    plan = plan(l, opts, asText);
                    out.plan = plan;
                } else {
                    plan = partitionPlan(l, out.plan, opts);
                    out.plan.warnings.addAll(l.warnings); // what reading this file said (its encoding…), as for the first
                }
                out.files.add(new FileParse(l, parseFile(l, plan, progress, pool, threads, fi)));
            }
        } finally {
            pool.shutdownNow();
        }
        int ncol = out.plan.names.length;
        out.coerced = new long[ncol];
        out.missingBefore = new long[ncol];
        out.codeLike = new boolean[ncol];
        for (FileParse fp : out.files) {
            for (Chunk ch : fp.chunks) {
                out.rows += ch.rows;
                for (int j = 0; j < ncol; j++) {
                    out.coerced[j] += ch.cols[j].coerced;
                    ColumnAccumulator a = ch.cols[j];
                    if (a.textLike) out.codeLike[j] = true; // a phone number or a 20-digit id past the sample
                    if (a instanceof ColumnAccumulator.Longs || a instanceof ColumnAccumulator.Doubles) {
                        for (int x = 0; x < a.examples && !out.codeLike[j]; x++) {
                            out.codeLike[j] = TypeInference.looksLikeCode(a.exampleValue[x]);
                        }
                    }
                    out.missingBefore[j] += ch.cols[j].missing.cardinality() - ch.cols[j].coerced;
                }
            }
        }
        return out;
    }

    /** A later partition: same settings, its own encoding detection, and the same columns required. */
    private static Plan partitionPlan(Loaded l, Plan first, CsvOptions opts) {
        CsvOptions o = opts.withDelimiter(first.delim).withQuote(first.quote).withDecimal(first.decimal)
                .withHeader(first.header).withDayFirst(first.dayFirst);
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int i = 0; i < first.names.length; i++) types.put(first.names[i], first.types[i]);
        o = o.withColumnTypes(types);
        Plan p = plan(l, o, Set.of());
        if (!Arrays.equals(p.names, first.names)) {
            List<String> missing = new ArrayList<>(Arrays.asList(first.names));
            missing.removeAll(Arrays.asList(p.names));
            List<String> extra = new ArrayList<>(Arrays.asList(p.names));
            extra.removeAll(Arrays.asList(first.names));
            if (missing.isEmpty() && extra.isEmpty()) {
                throw new UserException("csv.error.partitionOrder", l.name, String.join(", ", p.names),
                        String.join(", ", first.names));
            }
            throw new UserException("csv.error.partitionColumns", l.name,
                    missing.isEmpty() ? "—" : String.join(", ", missing), extra.isEmpty() ? "—" : String.join(", ", extra));
        }
        p.overridden = first.overridden;
        p.layouts = first.layouts;
        p.times = first.times;
        return p;
    }

    private static List<Chunk> parseFile(Loaded l, Plan p, Progress progress, ExecutorService pool, int threads, int fileIndex) {
        int from = p.dataStart;
        int span = l.len - from;
        int n = span < 2 * 1024 * 1024 ? 1 : threads;
        int[] starts = new int[n + 1];
        starts[0] = from;
        for (int i = 1; i < n; i++) {
            int s = nextLineStart(l.bytes, l.len, from + (int) ((long) span * i / n));
            starts[i] = s < 0 ? l.len : Math.max(s, starts[i - 1]);
        }
        starts[n] = l.len;
        List<Future<Chunk>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int s = starts[i], e = starts[i + 1];
            futures.add(pool.submit(() -> parseChunk(l, p, s, e, progress, fileIndex)));
        }
        List<Chunk> chunks = new ArrayList<>();
        try {
            for (Future<Chunk> f : futures) {
                while (true) {
                    try {
                        chunks.add(f.get(100, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException te) {
                        progress.report(l.name);
                    }
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException ee) {
            if (ee.getCause() instanceof CancelledException ce) throw ce;
            if (ee.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(ee.getCause());
        }
        progress.report(l.name);
        if (progress.cancelled.get()) throw new CancelledException();
        // Chunks were split at line starts without knowing the quote state; where a chunk's last record ran
        // past the next chunk's start (a quoted line break), parse that next chunk again from the real start.
        for (int i = 0; i + 1 < chunks.size(); i++) {
            Chunk a = chunks.get(i);
            if (a.failure != null) break;
            Chunk b = chunks.get(i + 1);
            if (a.end != starts[i + 1]) {
                int s = Math.min(a.end, l.len);
                int e = Math.max(s, starts[i + 2]);
                starts[i + 1] = s;
                chunks.set(i + 1, parseChunk(l, p, s, e, progress, fileIndex));
            } else if (b.end < starts[i + 2] && b.failure == null) {
                // nothing to do: parsed up to its end
                continue;
            }
        }
        long base = p.dataLine;
        for (Chunk c : chunks) {
            if (c.failure instanceof CsvTokenizer.UnclosedQuoteException uq) {
                throw new UserException("csv.error.unclosedQuote", l.name, base + uq.line, uq.field);
            }
            if (c.failure != null) throw c.failure;
            c.baseLine = base;
            base += c.lines;
        }
        return chunks;
    }

    // ------------------------------------------------------------------------------------ result

    private static ImportResult finish(ImportRequest req, Outcome out) {
        Plan p = out.plan;
        int ncol = p.names.length;
        List<ColumnAccumulator[]> parts = new ArrayList<>();
        List<Chunk> allChunks = new ArrayList<>();
        List<String> chunkFile = new ArrayList<>();
        for (FileParse fp : out.files) {
            for (Chunk c : fp.chunks) {
                parts.add(c.cols);
                allChunks.add(c);
                chunkFile.add(fp.loaded.name);
            }
        }
        long rejectedCount = 0;
        long rowsRead = 0;
        long blank = 0;
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (int k = 0; k < allChunks.size(); k++) {
            Chunk c = allChunks.get(k);
            rejectedCount += c.rejectedCount;
            rowsRead += c.rows + c.rejectedCount;
            blank += c.blank;
            for (int r = 0; r < c.rejectedLines.size() && rejected.size() < ImportReport.MAX_LISTED; r++) {
                rejected.add(new ImportReport.RejectedRow(chunkFile.get(k), c.baseLine + c.rejectedLines.get(r)[0],
                        c.rejectedReasons.get(r)));
            }
        }
        if (out.rows == 0) {
            String first = rejected.isEmpty() ? "" : I18n.tr("csv.error.firstReject", rejected.get(0).line(), rejected.get(0).reason());
            throw new UserException("csv.error.noRows", out.files.get(0).loaded.name, rejectedCount, first);
        }
        List<Column> columns = new ArrayList<>();
        List<ImportReport.ColumnReport> colReports = new ArrayList<>();
        for (int j = 0; j < ncol; j++) {
            List<ColumnAccumulator> col = ColumnAccumulator.column(parts, j);
            Column c = ColumnAccumulator.concat(p.names[j], p.types[j], col, p.overridden[j]);
            if (c instanceof BooleanColumn bc) {
                // yes/no written several ways: read as one yes and one no, and written back with one word each
                List<String> spellings = ColumnAccumulator.Booleans.mixedSpellings(col);
                if (!spellings.isEmpty()) {
                    p.warnings.add(I18n.tr("csv.warn.booleanSpellings", c.name(), I18n.quotedList(spellings), bc.trueLabel(), bc.falseLabel()));
                }
            }
            long distinct = distinct(c);
            long nonMissing = c.size() - c.missingCount();
            long min = 0, max = 0;
            if (c instanceof LongColumn lc) {
                min = Long.MAX_VALUE;
                max = Long.MIN_VALUE;
                for (ColumnAccumulator a : col) {
                    ColumnAccumulator.Longs ls = (ColumnAccumulator.Longs) a;
                    min = Math.min(min, ls.min);
                    max = Math.max(max, ls.max);
                }
                if (lc.size() == 0) { min = 0; max = 0; }
            }
            boolean id = TypeInference.isIdLike(c.name(), c.type(), distinct, nonMissing, c.missingCount(), min, max);
            if (id) c = c.withIdLike(true);
            columns.add(c);
            List<ImportReport.CoercedValue> ex = new ArrayList<>();
            long coerced = 0;
            for (int k = 0; k < allChunks.size(); k++) {
                ColumnAccumulator a = allChunks.get(k).cols[j];
                coerced += a.coerced;
                for (int x = 0; x < a.examples && ex.size() < ColumnAccumulator.EXAMPLES; x++) {
                    ex.add(new ImportReport.CoercedValue(chunkFile.get(k), allChunks.get(k).baseLine + a.exampleLine[x], a.exampleValue[x]));
                }
            }
            colReports.add(new ImportReport.ColumnReport(c.name(), c.type(), id, c.missingCount(), coerced, ex));
        }
        if (req.sourceColumn() != null) {
            String name = req.sourceColumn();
            if (Arrays.asList(p.names).contains(name)) name = uniqueName(name, new HashSet<>(Arrays.asList(p.names)));
            int total = (int) out.rows;
            int[] codes = new int[total];
            String[] dict = new String[out.files.size()];
            int off = 0;
            for (int fi = 0; fi < out.files.size(); fi++) {
                FileParse fp = out.files.get(fi);
                dict[fi] = fp.loaded.name;
                for (Chunk c : fp.chunks) {
                    Arrays.fill(codes, off, off + c.rows, fi);
                    off += c.rows;
                }
            }
            Column src = new StringColumn(name, codes, dict, new BitSet(), true, false);
            columns.add(src);
            colReports.add(new ImportReport.ColumnReport(name, ColumnType.CATEGORICAL, false, 0, 0, List.of()));
        }
        List<String> warnings = new ArrayList<>(p.warnings);
        if (blank > 0) warnings.add(I18n.tr("csv.warn.blankLines", blank));
        Dataset ds = new Dataset(req.effectiveName(), columns, Map.of());
        if (req.dictionary() != null) {
            DataDictionary.DictionaryResult dr = DataDictionary.attach(ds, DataDictionary.read(req.dictionary()));
            ds = dr.dataset();
            if (!dr.unknownColumns().isEmpty()) {
                warnings.add(I18n.tr("csv.warn.dictionaryUnknown", req.dictionary().getFileName().toString(),
                        String.join(", ", dr.unknownColumns())));
            }
        }
        List<SourceFile> sources = new ArrayList<>();
        for (FileParse fp : out.files) {
            sources.add(new SourceFile(fp.loaded.path.toString(), fp.loaded.sizeBytes, fp.loaded.sha256));
        }
        // settings with the final types (after categorical/text resolution and promotions)
        Map<String, ColumnType> finalTypes = new LinkedHashMap<>();
        Map<String, String> formats = new LinkedHashMap<>();
        for (int j = 0; j < ncol; j++) {
            Column c = columns.get(j);
            finalTypes.put(c.name(), c.type());
            if ((c instanceof DateColumn || c instanceof DateTimeColumn) && p.layouts[j] != null) {
                formats.put(c.name(), p.layouts[j].pattern(c.type() == ColumnType.DATETIME, p.times[j]));
            }
        }
        Loaded l0 = out.files.get(0).loaded;
        CsvSettings settings = new CsvSettings(p.delim, p.quote, l0.charset.name(), l0.bom, p.decimal, p.thousands,
                p.header, p.dayFirst, p.globalMissing, p.columnMissing, finalTypes, formats);
        ImportReport report = new ImportReport(rowsRead, out.rows, rejectedCount, rejected, colReports, warnings);
        return new ImportResult(ds, settings, report, sources, rowLines(out), p.renamed);
    }

    /** The file and line of every accepted row, in dataset order. */
    private static RowLines rowLines(Outcome out) {
        List<String> names = new ArrayList<>();
        int total = 0;
        for (FileParse fp : out.files) for (Chunk c : fp.chunks) total += c.rows;
        int[] lines = new int[total];
        int[] fileOfRow = out.files.size() > 1 ? new int[total] : null;
        int at = 0;
        for (int f = 0; f < out.files.size(); f++) {
            FileParse fp = out.files.get(f);
            names.add(fp.loaded.name);
            for (Chunk c : fp.chunks) {
                for (int r = 0; r < c.rows; r++) lines[at + r] = (int) (c.baseLine + c.rowLines[r]);
                if (fileOfRow != null) Arrays.fill(fileOfRow, at, at + c.rows, f);
                at += c.rows;
            }
        }
        return new RowLines(names, fileOfRow, lines);
    }

    private static long distinct(Column c) {
        if (c instanceof StringColumn s) return s.dictionary().length;
        if (c instanceof LongColumn l) {
            long[] v = l.rawValues();
            java.util.HashSet<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < v.length; i++) {
                if (!l.isMissing(i) && !seen.add(v[i])) return seen.size(); // not all distinct: exact count unneeded
            }
            return seen.size();
        }
        return -1;
    }
}
