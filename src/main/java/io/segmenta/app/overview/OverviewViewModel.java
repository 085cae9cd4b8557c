package io.segmenta.app.overview;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;


/** Key figures of the project for the overview tiles, recomputed whenever the project changes. */
public final class OverviewViewModel {
    private final ReadOnlyIntegerWrapper datasets = new ReadOnlyIntegerWrapper(this, "datasets");
    private final ReadOnlyLongWrapper rows = new ReadOnlyLongWrapper(this, "rows");
    private final ReadOnlyLongWrapper columns = new ReadOnlyLongWrapper(this, "columns");
    private final ReadOnlyDoubleWrapper missingShare = new ReadOnlyDoubleWrapper(this, "missingShare");
    private final ReadOnlyObjectWrapper<DatasetEntry> lastImport = new ReadOnlyObjectWrapper<>(this, "lastImport");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ObservableList<DatasetEntry> datasetList = FXCollections.observableArrayList();
    private final ObservableList<DatasetEntry> datasetListReadOnly = FXCollections.unmodifiableObservableList(datasetList);

    public OverviewViewModel(ObservableValue<Project> project) {
        project.subscribe(this::recompute);
    }

    private void recompute(Project p) {
        long r = 0, c = 0, cells = 0, missing = 0;
        for (DatasetEntry e : p.datasets()) {
            Dataset d = e.dataset();
            r += d.rowCount();
            c += d.columnCount();
            cells += (long) d.rowCount() * d.columnCount();
            missing += d.missingCells();
        }
        datasets.set(p.datasets().size());
        rows.set(r);
        columns.set(c);
        missingShare.set(cells == 0 ? 0 : (double) missing / cells);
        DatasetEntry last = null;
        for (DatasetEntry e : p.datasets()) {
            // ties go to the dataset added later
            if ("import".equals(e.origin()) && (last == null || !e.createdAt().isBefore(last.createdAt()))) last = e;
        }
        lastImport.set(last);
        datasetList.setAll(p.datasets());
        empty.set(p.datasets().isEmpty());
    }

    public ReadOnlyIntegerProperty datasetsProperty() { return datasets.getReadOnlyProperty(); }

    public ReadOnlyLongProperty rowsProperty() { return rows.getReadOnlyProperty(); }

    public ReadOnlyLongProperty columnsProperty() { return columns.getReadOnlyProperty(); }

    /** Missing cells over all cells of all datasets, 0..1. */
    public ReadOnlyDoubleProperty missingShareProperty() { return missingShare.getReadOnlyProperty(); }

    /** The most recently imported dataset, or null. */
    public ReadOnlyObjectProperty<DatasetEntry> lastImportProperty() { return lastImport.getReadOnlyProperty(); }

    /** The project's datasets in project order, for the inventory table under the tiles. */
    public ObservableList<DatasetEntry> datasets() { return datasetListReadOnly; }

    /** Missing cells of one dataset over its cells, 0..1. */
    public static double missingShare(Dataset d) {
        long cells = (long) d.rowCount() * d.columnCount();
        return cells == 0 ? 0 : (double) d.missingCells() / cells;
    }

    public ReadOnlyBooleanProperty emptyProperty() { return empty.getReadOnlyProperty(); }
}
