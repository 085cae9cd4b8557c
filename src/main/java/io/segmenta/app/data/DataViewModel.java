package io.segmenta.app.data;

import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/** The project's datasets and the one being looked at. */
public final class DataViewModel {
    private final ProjectViewModel project;
    private final ObservableList<DatasetEntry> datasets = FXCollections.observableArrayList();
    private final ObservableList<DatasetEntry> datasetsReadOnly = FXCollections.unmodifiableObservableList(datasets);
    private final ObjectProperty<DatasetEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerBinding rowCount;
    private final IntegerBinding columnCount;

    public DataViewModel(ProjectViewModel project) {
        this.project = project;
        project.projectProperty().subscribe(this::sync);
        rowCount = Bindings.createIntegerBinding(() -> selected.get() == null ? 0 : selected.get().dataset().rowCount(), selected);
        columnCount = Bindings.createIntegerBinding(() -> selected.get() == null ? 0 : selected.get().dataset().columnCount(), selected);
    }

    private void sync(Project p) {
        String keep = selected.get() == null ? null : selected.get().name();
        datasets.setAll(p.datasets());
        DatasetEntry again = keep == null ? null : p.dataset(keep).orElse(null);
        if (again == null && !p.datasets().isEmpty()) again = p.datasets().get(0);
        selected.set(again);
    }

    public ObservableList<DatasetEntry> datasets() { return datasetsReadOnly; }

    public ObjectProperty<DatasetEntry> selectedProperty() { return selected; }

    public DatasetEntry getSelected() { return selected.get(); }

    /** Selects the dataset with this name, if there is one. */
    public void select(String name) {
        for (DatasetEntry e : datasets) {
            if (Objects.equals(e.name(), name)) {
                selected.set(e);
                return;
            }
        }
    }

    /** Removes the selected dataset from the project. */
    public void removeSelected() {
        DatasetEntry e = selected.get();
        if (e != null) project.removeDataset(e.name());
    }

    public IntegerBinding rowCountBinding() { return rowCount; }

    public IntegerBinding columnCountBinding() { return columnCount; }
}
