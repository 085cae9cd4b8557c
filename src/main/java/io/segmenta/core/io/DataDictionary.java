package io.segmenta.core.io;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.util.UserException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Data dictionaries: files that describe a table's columns, one column per line.
 *
 * <p>Accepted layouts, detected from the file:
 * <ul>
 *   <li>CSV with the column name and its description in two fields, separated by {@code ,} {@code ;} or TAB,
 *       values optionally in double quotes (which may hold separators, doubled quotes and line breaks), with
 *       or without a header row. A header that names a description column ("description", "descripción",
 *       "label", …) picks which fields are used when there are more than two.</li>
 *   <li>Plain text lines {@code column: description}, {@code column - description} or
 *       {@code column<TAB>description}.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are ignored; a later line for the same column replaces an
 * earlier one; lines with an empty description are skipped. The file may be UTF-8 (with or without a
 * byte-order mark), UTF-16 with a byte-order mark, or windows-1252.
 */
public final class DataDictionary {
    /** Larger files are surely not dictionaries. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final Set<String> NAME_HEADERS = Set.of("column", "columna", "column_name", "columnname", "col",
            "field", "field_name", "campo", "variable", "var", "name", "nombre", "attribute", "atributo", "nombre_columna");
    private static final Set<String> DESCRIPTION_HEADERS = Set.of("description", "descripcion", "desc", "meaning",
            "significado", "definition", "definicion", "label", "etiqueta", "comment", "comentario", "notes", "notas",
            "column_description", "descripcion_columna");

    private DataDictionary() { }

    /**
     * What attaching a dictionary did.
     *
     * @param dataset        the dataset with the descriptions set
     * @param applied        descriptions that were set, by the dataset's column name, in dictionary order
     * @param unknownColumns dictionary entries naming no column of the dataset, in dictionary order
     */
    public record DictionaryResult(Dataset dataset, Map<String, String> applied, List<String> unknownColumns) {
        public DictionaryResult {
            applied = Collections.unmodifiableMap(new LinkedHashMap<>(applied));
            unknownColumns = List.copyOf(unknownColumns);
        }
    }

    /** Reads a dictionary file into column → description, in file order. */
    public static Map<String, String> read(Path file) {
        if (file == null) throw new IllegalArgumentException("file");
        String shown = file.toString();
        if (!Files.exists(file)) throw new UserException("data.dictionary.notFound", shown);
        if (!Files.isRegularFile(file)) throw new UserException("data.dictionary.notAFile", shown); // a pipe would block
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new UserException("data.dictionary.tooLarge", shown, MAX_BYTES / (1024 * 1024));
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserException(e, "data.dictionary.unreadable", shown, String.valueOf(e.getMessage()));
        }
        return parse(decode(bytes, shown), shown);
    }

    /** Parses dictionary text; {@code fileName} is only used in messages. */
    public static Map<String, String> parse(String text, String fileName) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.isBlank()) throw new UserException("data.dictionary.empty", fileName);
        String sep = detectSeparator(text);
        if (sep == null) throw new UserException("data.dictionary.noSeparator", fileName, firstContentLine(text));
        boolean csv = sep.equals("\t") || sep.equals(";") || sep.equals(",");
        List<Entry> entries = csv
                ? csvEntries(text, sep.charAt(0), fileName)
                : textEntries(text, sep, fileName);
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.description.isEmpty()) continue;
            out.remove(e.name);
            out.put(e.name, e.description);
        }
        if (out.isEmpty()) throw new UserException("data.dictionary.empty", fileName);
        return out;
    }

    /**
     * Sets the descriptions of the dataset's columns named in the dictionary (exact name first, else a unique
     * match ignoring case and surrounding blanks). Existing descriptions of other columns are kept.
     */
    public static DictionaryResult attach(Dataset dataset, Map<String, String> dictionary) {
        Map<String, String> applied = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : dictionary.entrySet()) {
            String col = resolve(dataset, e.getKey());
            if (col == null) unknown.add(e.getKey());
            else applied.put(col, e.getValue());
        }
        Map<String, String> merged = new LinkedHashMap<>(dataset.descriptions());
        merged.putAll(applied);
        return new DictionaryResult(dataset.withDescriptions(merged), applied, unknown);
    }

    private static String resolve(Dataset d, String name) {
        if (d.find(name).isPresent()) return name;
        String want = name.strip().toLowerCase(Locale.ROOT);
        String found = null;
        for (String c : d.columnNames()) {
            if (c.strip().toLowerCase(Locale.ROOT).equals(want)) {
                if (found != null) return null;
                found = c;
            }
        }
        return found;
    }

    // ---- decoding ----

    private static String decode(byte[] b, String fileName) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return strict(b, 3, StandardCharsets.UTF_8, fileName);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return strict(b, 2, StandardCharsets.UTF_16LE, fileName);
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return strict(b, 2, StandardCharsets.UTF_16BE, fileName);
        int controls = 0;
        int probe = Math.min(b.length, 64 * 1024);
        for (int i = 0; i < probe; i++) {
            int v = b[i] & 0xFF;
            if (v == 0) throw new UserException("data.dictionary.binary", fileName);
            if (v < 0x20 && v != '\n' && v != '\r' && v != '\t' && v != '\f') controls++;
        }
        if (probe > 0 && controls * 20 > probe) throw new UserException("data.dictionary.binary", fileName);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("windows-1252"));
        }
    }

    private static String strict(byte[] b, int offset, Charset cs, String fileName) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new UserException("data.dictionary.binary", fileName);
        }
    }

    // ---- layout detection ----

    private record Entry(String name, String description) { }

    /** Stands for a dash with blanks around it: " - ", " – " or " — ". */
    private static final String DASH = " - ";

    /**
     * The separator most content lines use first (outside quotes): TAB, ";", ",", ":" or "-" (a dash with a
     * blank on each side). Null when no line has one.
     */
    private static String detectSeparator(String text) {
        String[] candidates = {"\t", ";", ",", ":", DASH};
        int[] votes = new int[candidates.length];
        int seen = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (isSkippable(line)) continue;
            if (++seen > 500) break;
            int best = -1;
            int bestPos = Integer.MAX_VALUE;
            for (int c = 0; c < candidates.length; c++) {
                int p = firstOutsideQuotes(line, candidates[c]);
                if (p >= 0 && p < bestPos) {
                    bestPos = p;
                    best = c;
                }
            }
            if (best >= 0) votes[best]++;
        }
        int pick = -1;
        for (int c = 0; c < candidates.length; c++) if (votes[c] > 0 && (pick < 0 || votes[c] > votes[pick])) pick = c;
        return pick < 0 ? null : candidates[pick];
    }

    private static boolean isSkippable(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    /** Position of the separator outside double quotes, or -1. A dash counts only with blanks on both sides. */
    private static int firstOutsideQuotes(String line, String sep) {
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                inQuotes = !inQuotes;
                continue;
            }
            if (inQuotes) continue;
            if (DASH.equals(sep)) {
                if (isDash(ch) && i > 0 && i < line.length() - 1
                        && Character.isWhitespace(line.charAt(i - 1)) && Character.isWhitespace(line.charAt(i + 1))) {
                    return i;
                }
            } else if (ch == sep.charAt(0)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDash(char ch) { return ch == '-' || ch == '\u2013' || ch == '\u2014'; }

    private static String firstContentLine(String text) {
        int n = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            n++;
            if (!isSkippable(line)) return n + ": " + abbreviate(line.strip());
        }
        return "";
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    // ---- text layout ----

    private static List<Entry> textEntries(String text, String sep, String fileName) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isSkippable(line)) continue;
            int p = firstOutsideQuotes(line, sep);
            if (p < 0) throw new UserException("data.dictionary.badLine", fileName, String.valueOf(i + 1), abbreviate(line.strip()));
            String name = unquote(line.substring(0, p).strip());
            String desc = unquote(line.substring(p + 1).strip());
            if (first && isHeader(name, desc)) {
                first = false;
                continue;
            }
            first = false;
            if (name.isEmpty()) throw new UserException("data.dictionary.noName", fileName, String.valueOf(i + 1));
            out.add(new Entry(name, desc));
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"").strip();
        }
        return s;
    }

    // ---- CSV layout ----

    private record Record(int line, List<String> fields) { }

    private static List<Entry> csvEntries(String text, char delimiter, String fileName) {
        List<Record> records = csvRecords(text, delimiter, fileName);
        int nameIdx = 0;
        int descIdx = 1;
        List<Entry> out = new ArrayList<>();
        boolean first = true;
        for (Record r : records) {
            List<String> f = r.fields();
            if (f.stream().allMatch(String::isBlank) || f.get(0).strip().startsWith("#")) continue;
            if (first) {
                first = false;
                int hn = -1;
                int hd = -1;
                for (int i = 0; i < f.size(); i++) {
                    String h = headerWord(f.get(i));
                    if (hn < 0 && NAME_HEADERS.contains(h)) hn = i;
                    else if (hd < 0 && DESCRIPTION_HEADERS.contains(h)) hd = i;
                }
                if (hn >= 0 && hd >= 0) {
                    nameIdx = hn;
                    descIdx = hd;
                    continue;
                }
            }
            if (f.size() <= Math.max(nameIdx, descIdx)) {
                throw new UserException("data.dictionary.badLine", fileName, String.valueOf(r.line()), abbreviate(String.join(String.valueOf(delimiter), f)));
            }
            String name = f.get(nameIdx).strip();
            if (name.isEmpty()) throw new UserException("data.dictionary.noName", fileName, String.valueOf(r.line()));
            out.add(new Entry(name, f.get(descIdx).strip()));
        }
        return out;
    }

    private static List<Record> csvRecords(String text, char delimiter, String fileName) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean inQuotes = false;
        boolean fieldStart = true;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (inQuotes) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (ch == '\n' || (ch == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) line++;
                    cur.append(ch);
                }
                continue;
            }
            if (ch == '"' && fieldStart && cur.toString().isBlank()) {
                cur.setLength(0);
                inQuotes = true;
                quoteLine = line;
                fieldStart = false;
            } else if (ch == delimiter) {
                fields.add(cur.toString());
                cur.setLength(0);
                fieldStart = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                fields.add(cur.toString());
                out.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                cur.setLength(0);
                fieldStart = true;
                line++;
                recordLine = line;
            } else {
                cur.append(ch);
                if (!Character.isWhitespace(ch)) fieldStart = false;
            }
        }
        if (inQuotes) throw new UserException("data.dictionary.unclosedQuote", fileName, String.valueOf(quoteLine));
        if (!fields.isEmpty() || !cur.isEmpty()) {
            fields.add(cur.toString());
            out.add(new Record(recordLine, List.copyOf(fields)));
        }
        return out;
    }

    private static String headerWord(String s) {
        String t = Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return t.replace(' ', '_');
    }

    private static boolean isHeader(String name, String desc) {
        return NAME_HEADERS.contains(headerWord(name)) && DESCRIPTION_HEADERS.contains(headerWord(desc));
    }
}
