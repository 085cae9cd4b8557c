package io.segmenta.app.ui;

import javafx.collections.ListChangeListener;
import org.controlsfx.control.CheckComboBox;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A drop-down of check boxes over a list of names (columns to bring, to describe, to export), showing how many
 * are ticked. The view model owns the choice: {@link #refresh()} re-reads the names and which are ticked, and a
 * tick by the user reports the ticked names in the list's order.
 */
public final class CheckPicker {
    private final CheckComboBox<String> box = new CheckComboBox<>();
    private final Supplier<List<String>> names;
    private final Supplier<? extends Collection<String>> ticked;
    private boolean refreshing;

    /**
     * @param id       the control's id
     * @param title    what the closed control says, e.g. "Contact fields…"
     * @param names    the names offered
     * @param ticked   the names ticked now (read once per refresh)
     * @param onTicked called with the ticked names when the user changes them
     */
    public CheckPicker(String id, String title, Supplier<List<String>> names, Supplier<? extends Collection<String>> ticked,
                       Consumer<List<String>> onTicked) {
        this.names = names;
        this.ticked = ticked;
        box.setId(id);
        box.setTitle(title);
        box.setShowCheckedCount(true);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!refreshing) onTicked.accept(box.getItems().stream().filter(box.getCheckModel()::isChecked).toList());
        });
    }

    /** Re-reads the names and which of them are ticked. */
    public void refresh() {
        refreshing = true;
        try {
            box.getCheckModel().clearChecks();
            box.getItems().setAll(names.get());
            Collection<String> on = ticked.get();
            for (String n : box.getItems()) if (on.contains(n)) box.getCheckModel().check(n);
        } finally {
            refreshing = false;
        }
    }

    /** The control. */
    public CheckComboBox<String> node() { return box; }
}
