package io.segmenta.app.importer;

import io.segmenta.core.data.ColumnType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One column in the import wizard: its detected type and what the user chose for it. */
public final class ColumnChoice {
    private final String name;
    private final ColumnType detectedType;
    private final boolean idLike;
    private final String dateFormat;
    private final ObjectProperty<ColumnType> type;
    private final StringProperty missingTokens = new SimpleStringProperty(this, "missingTokens", "");

    public ColumnChoice(String name, ColumnType detectedType, boolean idLike, String dateFormat) {
        this.name = name;
        this.detectedType = detectedType;
        this.idLike = idLike;
        this.dateFormat = dateFormat;
        this.type = new SimpleObjectProperty<>(this, "type", detectedType);
    }

    public String name() { return name; }

    public ColumnType detectedType() { return detectedType; }

    public boolean idLike() { return idLike; }

    /** Detected date pattern for date columns, or null. */
    public String dateFormat() { return dateFormat; }

    /** The type the column will be imported as. */
    public ObjectProperty<ColumnType> typeProperty() { return type; }

    public ColumnType getType() { return type.get(); }

    public void setType(ColumnType t) { type.set(t == null ? detectedType : t); }

    public boolean typeChanged() { return type.get() != detectedType; }

    /** Extra values read as missing in this column only, comma-separated as typed. */
    public StringProperty missingTokensProperty() { return missingTokens; }
}
