package io.segmenta.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable in-memory columnar table: a name, equally long columns with unique names,
 * and optional per-column descriptions (from a data dictionary).
 */
public record Dataset(String name, List<Column> columns, Map<String, String> descriptions) {

    public Dataset {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A dataset needs a name");
        columns = List.copyOf(columns);
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions == null ? Map.of() : descriptions));
        Set<String> seen = new HashSet<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (!seen.add(c.name())) throw new IllegalArgumentException("Duplicate column name: " + c.name());
            if (c.size() != rows) {
                throw new IllegalArgumentException("Column " + c.name() + " has " + c.size() + " rows, expected " + rows);
            }
        }
    }

    public Dataset(String name, List<Column> columns) { this(name, columns, Map.of()); }

    public int rowCount() { return columns.isEmpty() ? 0 : columns.get(0).size(); }

    public int columnCount() { return columns.size(); }

    public List<String> columnNames() { return columns.stream().map(Column::name).toList(); }

    public Optional<Column> find(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Column column(String columnName) {
        return find(columnName).orElseThrow(() -> new IllegalArgumentException(
                "Dataset '" + name + "' has no column '" + columnName + "'. Columns: " + columnNames()));
    }

    public Column column(int index) { return columns.get(index); }

    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(columnName)) return i;
        return -1;
    }

    public Optional<String> description(String columnName) { return Optional.ofNullable(descriptions.get(columnName)); }

    /** Total missing cells over all columns. */
    public long missingCells() {
        long n = 0;
        for (Column c : columns) n += c.missingCount();
        return n;
    }

    public Dataset withName(String newName) { return new Dataset(newName, columns, descriptions); }

    public Dataset withDescriptions(Map<String, String> newDescriptions) { return new Dataset(name, columns, newDescriptions); }

    /** Appends a column (or replaces one of the same name, keeping its position). */
    public Dataset withColumn(Column column) {
        List<Column> cols = new ArrayList<>(columns);
        int i = indexOf(column.name());
        if (i >= 0) cols.set(i, column); else cols.add(column);
        return new Dataset(name, cols, descriptions);
    }

    /** The rows at the given indices. */
    public Dataset select(int[] rows) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) cols.add(c.select(rows));
        return new Dataset(name, cols, descriptions);
    }
}
