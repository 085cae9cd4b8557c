package io.segmenta.core.data;

/** Logical type of a column, as inferred at import or chosen by the user. */
public enum ColumnType {
    INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, CATEGORICAL, TEXT;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isString() {
        return this == CATEGORICAL || this == TEXT;
    }

    /** Stable lower-case name used in JSON output and project files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ColumnType fromKey(String key) {
        return valueOf(key.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
