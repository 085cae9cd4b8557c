package io.segmenta.core.project;

import io.segmenta.core.data.ColumnType;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** Malformed stored JSON. */
    static final class BadJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadJsonException(String message) { super(message); }
    }

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

    static CsvSettings settingsFromJson(String json) {
        if (json == null) return null;
        JsonNode o = MAPPER.readTree(json);
        Map<String, Set<String>> columnMissing = new LinkedHashMap<>();
        for (var e : object(o, "column_missing_tokens").properties()) columnMissing.put(e.getKey(), stringSet(e.getValue()));
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (var e : object(o, "column_types").properties()) types.put(e.getKey(), ColumnType.fromKey(text(e.getValue())));
        Map<String, String> formats = new LinkedHashMap<>();
        for (var e : object(o, "date_formats").properties()) formats.put(e.getKey(), text(e.getValue()));
        return new CsvSettings(ch(o, "delimiter"), ch(o, "quote"), requiredText(o, "encoding"), bool(o, "bom"),
                ch(o, "decimal"), ch(o, "thousands"), bool(o, "header"), bool(o, "day_first"),
                stringSet(o.path("missing_tokens")), columnMissing, types, formats);
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

    static ImportReport reportFromJson(String json) {
        if (json == null) return null;
        JsonNode o = MAPPER.readTree(json);
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (JsonNode n : array(o, "rejected")) {
            rejected.add(new ImportReport.RejectedRow(text(n.path("file")), number(n, "line"), text(n.path("reason"))));
        }
        List<ImportReport.ColumnReport> columns = new ArrayList<>();
        for (JsonNode n : array(o, "columns")) {
            List<ImportReport.CoercedValue> examples = new ArrayList<>();
            for (JsonNode e : array(n, "coerced_examples")) {
                examples.add(new ImportReport.CoercedValue(text(e.path("file")), number(e, "line"), text(e.path("value"))));
            }
            String type = text(n.path("type"));
            columns.add(new ImportReport.ColumnReport(text(n.path("name")), type == null ? null : ColumnType.fromKey(type),
                    bool(n, "id_like"), number(n, "missing"), number(n, "coerced"), examples));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : array(o, "warnings")) warnings.add(text(w));
        return new ImportReport(number(o, "rows_read"), number(o, "rows_imported"), number(o, "rejected_count"),
                rejected, columns, warnings);
    }

    // ---- helpers ----

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (String v : values) a.add(v);
        return a;
    }

    private static Set<String> stringSet(JsonNode n) {
        if (!n.isArray()) throw new BadJsonException("expected a list of strings");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode v : n) out.add(text(v));
        return out;
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) return MAPPER.createObjectNode();
        if (!n.isObject()) throw new BadJsonException(field + ": expected an object");
        return n;
    }

    private static Iterable<JsonNode> array(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray()) throw new BadJsonException(field + ": expected a list");
        return n;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return null;
        if (!n.isString()) throw new BadJsonException("expected a string");
        return n.stringValue();
    }

    private static String requiredText(JsonNode o, String field) {
        String s = text(o.path(field));
        if (s == null) throw new BadJsonException(field + ": missing");
        return s;
    }

    private static char ch(JsonNode o, String field) {
        String s = requiredText(o, field);
        if (s.length() != 1) throw new BadJsonException(field + ": expected one character");
        return s.charAt(0);
    }

    private static boolean bool(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (!n.isBoolean()) throw new BadJsonException(field + ": expected true or false");
        return n.booleanValue();
    }

    private static long number(JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (!n.isIntegralNumber()) throw new BadJsonException(field + ": expected a whole number");
        return n.longValue();
    }
}
