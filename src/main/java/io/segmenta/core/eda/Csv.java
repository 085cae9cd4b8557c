package io.segmenta.core.eda;

import java.util.List;

/** Builds RFC-4180 text for {@link ChartData#toCsv()}. */
final class Csv {
    private final StringBuilder sb = new StringBuilder(256);

    Csv(String... header) { row((Object[]) header); }

    /** Appends one record; null and NaN become empty fields. */
    Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields[i]));
        }
        sb.append("\r\n");
        return this;
    }

    Csv row(List<?> fields) { return row(fields.toArray()); }

    static String field(Object o) {
        if (o == null) return "";
        String s;
        if (o instanceof Double d) s = d.isNaN() || d.isInfinite() ? "" : Double.toString(d);
        else if (o instanceof Float f) s = f.isNaN() ? "" : Float.toString(f);
        else s = o.toString();
        return quote(s);
    }

    static String quote(String s) {
        boolean q = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') { q = true; break; }
        }
        return q ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public String toString() { return sb.toString(); }
}
