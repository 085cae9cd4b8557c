package io.segmenta.app.join;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One key pair being edited in the join dialog. */
public final class KeyPairRow {
    private final ObjectProperty<String> leftColumn = new SimpleObjectProperty<>(this, "leftColumn");
    private final ObjectProperty<String> rightColumn = new SimpleObjectProperty<>(this, "rightColumn");

    public KeyPairRow(String left, String right) {
        leftColumn.set(left);
        rightColumn.set(right);
    }

    public ObjectProperty<String> leftColumnProperty() { return leftColumn; }

    public ObjectProperty<String> rightColumnProperty() { return rightColumn; }

    public boolean complete() { return leftColumn.get() != null && rightColumn.get() != null; }
}
