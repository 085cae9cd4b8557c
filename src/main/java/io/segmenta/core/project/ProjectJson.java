package io.segmenta.core.project;

import io.segmenta.core.data.ColumnType;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON forms of the import settings and report as stored in a project file. Written field by field with
 * fixed snake_case names so the file format does not change when the Java records gain methods or rename
 * components.
 */
final class ProjectJson {
    private ProjectJson() { }

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Key of the reason given when stored JSON does not parse at all. */
    static final String NOT_JSON = "project.damage.json.syntax";

    // ---- CsvSettings ----

    static String settingsToJson(CsvSettings s) {
        if (s == null) return null;
        ObjectNode o = MAPPER.createObjectNode();
        o.put("delimiter", String.valueOf(s.delimiter()));
        o.put("quote", String.valueOf(s.quote()));
        o.put("encoding", s.encoding());
        o.put("bom", s.bom());
        o.put("decimal", String.valueOf(s.decimal()));
        o.put("thousands", String.valueOf(s.thousands()));
        o.put("header", s.header());
        o.put("day_first", s.dayFirst());
        o.set("missing_tokens", strings(s.missingTokens()));
        ObjectNode cm = o.putObject("column_missing_tokens");
        s.columnMissingTokens().forEach((k, v) -> cm.set(k, strings(v)));
        ObjectNode ct = o.putObject("column_types");
        s.columnTypes().forEach((k, v) -> ct.put(k, v.key()));
        ObjectNode df = o.putObject("date_formats");
        s.dateFormats().forEach(df::put);
        return MAPPER.writeValueAsString(o);
    }

    /**
     * Reads settings written by {@link #settingsToJson}.
     *
     * @throws ProjectDamage when the text is not JSON ({@link #NOT_JSON}) or does not hold valid settings
     */
    static CsvSettings settingsFromJson(String json) {
        if (json == null) return null;
        JsonNode o = parse(json);
        Map<String, Set<String>> columnMissing = new LinkedHashMap<>();
        for (var e : object(o, "column_missing_tokens").properties()) {
            columnMissing.put(e.getKey(), stringSet(e.getValue(), "column_missing_tokens"));
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (var e : object(o, "column_types").properties()) types.put(e.getKey(), columnType(e.getValue(), "column_types"));
        Map<String, String> formats = new LinkedHashMap<>();
        for (var e : object(o, "date_formats").properties()) formats.put(e.getKey(), requiredText(e.getValue(), "date_formats"));
        return new CsvSettings(ch(o, "delimiter"), ch(o, "quote"), requiredText(o.path("encoding"), "encoding"), bool(o, "bom"),
                ch(o, "decimal"), ch(o, "thousands"), bool(o, "header"), bool(o, "day_first"),
                stringSet(o.path("missing_tokens"), "missing_tokens"), columnMissing, types, formats);
    }

    // ---- ImportReport ----

    static String reportToJson(ImportReport r) {
        if (r == null) return null;
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rows_read", r.rowsRead());
        o.put("rows_imported", r.rowsImported());
        o.put("rejected_count", r.rejectedCount());
        ArrayNode rejected = o.putArray("rejected");
        for (ImportReport.RejectedRow row : r.rejected()) {
            rejected.addObject().put("file", row.file()).put("line", row.line()).put("reason", row.reason());
        }
        ArrayNode columns = o.putArray("columns");
        for (ImportReport.ColumnReport c : r.columns()) {
            ObjectNode co = columns.addObject();
            co.put("name", c.name());
            co.put("type", c.type() == null ? null : c.type().key());
            co.put("id_like", c.idLike());
            co.put("missing", c.missing());
            co.put("coerced", c.coerced());
            ArrayNode ex = co.putArray("coerced_examples");
            for (ImportReport.CoercedValue v : c.coercedExamples()) {
                ex.addObject().put("file", v.file()).put("line", v.line()).put("value", v.value());
            }
        }
        o.set("warnings", strings(r.warnings()));
        return MAPPER.writeValueAsString(o);
    }

    /**
     * Reads a report written by {@link #reportToJson}.
     *
     * @throws ProjectDamage when the text is not JSON ({@link #NOT_JSON}) or does not hold a valid report
     */
    static ImportReport reportFromJson(String json) {
        if (json == null) return null;
        JsonNode o = parse(json);
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (JsonNode n : array(o, "rejected")) {
            rejected.add(new ImportReport.RejectedRow(text(n.path("file"), "rejected"), number(n, "line"),
                    text(n.path("reason"), "rejected")));
        }
        List<ImportReport.ColumnReport> columns = new ArrayList<>();
        for (JsonNode n : array(o, "columns")) {
            List<ImportReport.CoercedValue> examples = new ArrayList<>();
            for (JsonNode e : array(n, "coerced_examples")) {
                examples.add(new ImportReport.CoercedValue(text(e.path("file"), "coerced_examples"), number(e, "line"),
                        text(e.path("value"), "coerced_examples")));
            }
            JsonNode type = n.path("type");
            columns.add(new ImportReport.ColumnReport(text(n.path("name"), "columns"),
                    type.isMissingNode() || type.isNull() ? null : columnType(type, "columns"),
                    bool(n, "id_like"), number(n, "missing"), number(n, "coerced"), examples));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : array(o, "warnings")) warnings.add(requiredText(w, "warnings"));
        return new ImportReport(number(o, "rows_read"), number(o, "rows_imported"), number(o, "rejected_count"),
                rejected, columns, warnings);
    }

    // ---- helpers ----

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (String v : values) a.add(v);
        return a;
    }

    /** A JSON object; anything else (a list, a number, text that does not parse) is damage. */
    private static JsonNode parse(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ProjectDamage(e, NOT_JSON);
        }
        if (o == null || !o.isObject()) throw new ProjectDamage("project.damage.json.notObject");
        return o;
    }

    private static ProjectDamage badEntry(String field) { return new ProjectDamage("project.damage.json.field", field); }

    private static Set<String> stringSet(JsonNode n, String field) {
        if (!n.isArray()) throw badEntry(field);
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode v : n) out.add(requiredText(v, field));
        return out;
    }

    private static ColumnType columnType(JsonNode n, String field) {
        String key = requiredText(n, field);
        ColumnType t = columnType(key);
        if (t == null) throw new ProjectDamage("project.damage.json.type", ProjectDamage.shown(key));
        return t;
    }

    /** The type whose {@link ColumnType#key()} is {@code key} (as {@link ColumnType#fromKey} reads it), or null. */
    static ColumnType columnType(String key) {
        if (key == null) return null;
        String name = key.trim().toUpperCase(Locale.ROOT);
        for (ColumnType t : ColumnType.values()) if (t.name().equals(name)) return t;
        return null;
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) return MAPPER.createObjectNode();
        if (!n.isObject()) throw badEntry(field);
        return n;
    }

    private static Iterable<JsonNode> array(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray()) throw badEntry(field);
        return n;
    }

    /** Text or null; {@code field} names the entry in the message when it is something else. */
    private static String text(JsonNode n, String field) {
        if (n == null || n.isMissingNode() || n.isNull()) return null;
        if (!n.isString()) throw badEntry(field);
        return n.stringValue();
    }

    private static String requiredText(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) throw badEntry(field);
        return s;
    }

    private static char ch(JsonNode o, String field) {
        String s = requiredText(o.path(field), field);
        if (s.length() != 1) throw badEntry(field);
        return s.charAt(0);
    }

    private static boolean bool(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (!n.isBoolean()) throw badEntry(field);
        return n.booleanValue();
    }

    private static long number(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw badEntry(field);
        return n.longValue();
    }
}
