package io.segmenta.app.ui;

import io.segmenta.core.eda.RowFilter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.List;

/**
 * One editable row of a filter editor (Explore's row filter, a campaign's eligibility): column, operator and
 * value as the user is typing them. It turns into a {@link RowFilter.Condition} once complete;
 * {@link #errorProperty()} says why it is not used.
 */
public final class FilterCondition {
    private final StringProperty column = new SimpleStringProperty(this, "column");
    private final ObjectProperty<RowFilter.Operator> operator = new SimpleObjectProperty<>(this, "operator", RowFilter.Operator.EQ);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    public FilterCondition() { }

    public FilterCondition(String column, RowFilter.Operator op, String value) {
        this.column.set(column);
        this.operator.set(op);
        this.value.set(value == null ? "" : value);
    }

    public StringProperty columnProperty() { return column; }

    public ObjectProperty<RowFilter.Operator> operatorProperty() { return operator; }

    public StringProperty valueProperty() { return value; }

    /** Why the condition is left out of the filter (bad value, operator that does not fit), or null. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Sets why the condition is left out (null = it is used). */
    public void setError(String message) { error.set(message); }

    /** True when column, operator and (if the operator needs one) a value are filled in. */
    public boolean isComplete() {
        RowFilter.Operator op = operator.get();
        String v = value.get();
        return column.get() != null && !column.get().isBlank() && op != null
                && (!op.needsValue() || (v != null && !v.isBlank()));
    }

    /** The condition; call only when complete. {@code in} takes a comma-separated list. */
    public RowFilter.Condition toCondition() {
        RowFilter.Operator op = operator.get();
        if (!op.needsValue()) return new RowFilter.Condition(column.get(), op, List.of());
        String v = value.get().strip();
        if (op == RowFilter.Operator.IN) {
            return new RowFilter.Condition(column.get(), op,
                    Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        return new RowFilter.Condition(column.get(), op, v);
    }

    /** An editable row for a saved condition. */
    public static FilterCondition of(RowFilter.Condition c) {
        return new FilterCondition(c.column(), c.op(), String.join(", ", c.values()));
    }
}
