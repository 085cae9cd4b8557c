package io.segmenta.app.importer;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWizardViewModelTest {
    @TempDir Path dir;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Notice> notices = new ArrayList<>();
    private ProjectViewModel project;

    @BeforeEach
    void setUp() {
        project = new ProjectViewModel(runner, ProjectPersistence.STORE, dialogs, notices::add);
    }

    private ImportWizardViewModel wizard(TaskRunner r, Path... files) {
        ImportWizardViewModel w = new ImportWizardViewModel(r, project, dialogs, notices::add, List.of(files));
        w.start();
        return w;
    }

    private static ColumnChoice column(ImportWizardViewModel w, String name) {
        return w.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void previewDetectsSettingsAndTypes() {
        ImportWizardViewModel w = wizard(runner, TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV));
        assertThat(w.delimiterProperty().get()).isEqualTo(',');
        assertThat(w.headerProperty().get()).isTrue();
        assertThat(w.columns()).extracting(ColumnChoice::name).containsExactly("customer_id", "age", "segment", "spend");
        assertThat(column(w, "age").getType()).isEqualTo(ColumnType.INTEGER);
        assertThat(w.previewRows()).hasSize(5);
        assertThat(w.datasetNameProperty().get()).isEqualTo("customers");
        assertThat(w.validationBinding().get()).isNull();
        assertThat(w.canImportBinding().get()).isTrue();
    }

    @Test
    void changingTheDelimiterRerunsThePreviewWithThatOverride() {
        ImportWizardViewModel w = wizard(runner, TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV));
        int before = runner.submittedCount();
        w.delimiterProperty().set(';');
        assertThat(runner.submittedCount()).isEqualTo(before + 1);
        assertThat(w.previewOptions().delimiter()).isEqualTo(';');
        assertThat(w.columns()).hasSize(1);
        assertThat(w.delimiterProperty().get()).isEqualTo(';');
    }

    @Test
    void theQuoteCanBeChangedAsInTheCli() {
        // a name written with single quotes around a comma: one field only when ' is the quote (CLI --quote "'")
        ImportWizardViewModel w = wizard(runner, TestData.writeCsv(dir, "q.csv", "id,name\n1,'Smith, J'\n2,'Lee'\n"));
        assertThat(w.quoteProperty().get()).isEqualTo('"');
        w.quoteProperty().set('\'');
        assertThat(w.previewOptions().quote()).isEqualTo('\'');
        assertThat(w.columns()).extracting(ColumnChoice::name).containsExactly("id", "name");
        w.startImport();
        assertThat(w.resultProperty().get().dataset().column("name").format(0)).isEqualTo("Smith, J");
    }

    @Test
    void aQuoteThatIsAlsoTheDelimiterIsRefused() {
        ImportWizardViewModel w = wizard(runner, TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV));
        w.quoteProperty().set(',');
        assertThat(w.validationBinding().get()).isEqualTo("The quote and the delimiter must be different characters.");
        assertThat(w.canImportBinding().get()).isFalse();
    }

    @Test
    void importWithChangedTypeAndMissingTokensAddsTheDatasetOnFinish() {
        ImportWizardViewModel w = wizard(runner, TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV));
        column(w, "age").setType(ColumnType.DECIMAL);
        column(w, "segment").missingTokensProperty().set("unknown");
        w.startImport();
        assertThat(w.getStep()).isEqualTo(ImportWizardViewModel.Step.REPORT);
        assertThat(project.getProject().datasets()).as("nothing added before Finish").isEmpty();
        var result = w.resultProperty().get();
        assertThat(result.report().rowsImported()).isEqualTo(5);
        assertThat(result.dataset().column("age").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(result.dataset().column("segment").missingCount()).isEqualTo(1);

        w.finish();
        DatasetEntry e = project.getProject().dataset("customers").orElseThrow();
        assertThat(e.origin()).isEqualTo("import");
        assertThat(e.settings()).isNotNull();
        assertThat(e.report()).isNotNull();
        assertThat(e.sources()).hasSize(1);
        assertThat(project.isDirty()).isTrue();
        assertThat(w.closedProperty().get()).isTrue();
        assertThat(w.addedDatasetName()).isEqualTo("customers");
        assertThat(notices).anyMatch(n -> n.kind() == Notice.Kind.SUCCESS && n.message().contains("customers"));
    }

    @Test
    void aFailedImportShowsTheMessageAndLeavesTheProjectUnchanged() {
        Path empty = TestData.writeCsv(dir, "empty.csv", "");
        project.addDataset(TestData.entry("existing", 3));
        Project before = project.getProject();
        ImportWizardViewModel w = wizard(runner, empty);
        assertThat(w.errorProperty().get()).isNotBlank().doesNotStartWith("!");
        assertThat(w.canImportBinding().get()).isFalse();
        w.startImport();
        assertThat(project.getProject()).isSameAs(before);
        w.cancel();
        assertThat(project.getProject()).isSameAs(before);
    }

    @Test
    void aFileThatDisappearsBeforeImportFailsWithoutChangingTheProject() throws Exception {
        Path f = TestData.writeCsv(dir, "gone.csv", TestData.CUSTOMERS_CSV);
        ImportWizardViewModel w = wizard(runner, f);
        java.nio.file.Files.delete(f);
        Project before = project.getProject();
        w.startImport();
        assertThat(w.getStep()).isEqualTo(ImportWizardViewModel.Step.PREVIEW);
        assertThat(w.errorProperty().get()).isNotBlank();
        assertThat(w.resultProperty().get()).isNull();
        assertThat(project.getProject()).isSameAs(before);
    }

    @Test
    void aCancelledImportReturnsToThePreviewAndAddsNothing() {
        Path f = TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV);
        // a runner whose import tasks see cancellation at once
        int[] calls = {0};
        TaskRunner cancelling = new TaskRunner() {
            @Override public <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> ok,
                                                      Consumer<? super Throwable> fail, Runnable cancelled) {
                boolean isImport = ++calls[0] > 1; // the first task is the preview
                return runner.submit(title, ctx -> work.apply(isImport ? new TaskContext() {
                    @Override public void progress(long d, long t, String m) { }
                    @Override public boolean isCancelled() { return true; }
                } : ctx), ok, fail, cancelled);
            }
            @Override public ObservableList<TaskHandle<?>> running() { return runner.running(); }
            @Override public void shutdown() { }
        };
        ImportWizardViewModel w = wizard(cancelling, f);
        w.startImport();
        assertThat(w.getStep()).isEqualTo(ImportWizardViewModel.Step.PREVIEW);
        assertThat(w.resultProperty().get()).isNull();
        assertThat(project.getProject().datasets()).isEmpty();
        assertThat(notices).anyMatch(n -> n.kind() == Notice.Kind.INFO);
    }

    @Test
    void validationRejectsTakenNamesAndEqualSeparators() {
        project.addDataset(TestData.entry("customers", 2));
        ImportWizardViewModel w = wizard(runner, TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV));
        assertThat(w.datasetNameProperty().get()).isEqualTo("customers_2");
        w.datasetNameProperty().set("customers");
        assertThat(w.validationBinding().get()).contains("customers");
        assertThat(w.canImportBinding().get()).isFalse();
        w.datasetNameProperty().set("customers_new");
        assertThat(w.canImportBinding().get()).isTrue();
        w.decimalProperty().set(',');
        assertThat(w.canImportBinding().get()).isFalse();
    }

    @Test
    void severalFilesAreImportedAsPartitionsWithASourceColumn() {
        Path a = TestData.writeCsv(dir, "jan.csv", "id,amount\n1,10\n2,20\n");
        Path b = TestData.writeCsv(dir, "feb.csv", "id,amount\n3,30\n");
        ImportWizardViewModel w = wizard(runner, a, b);
        assertThat(w.multipleFiles()).isTrue();
        w.startImport();
        var ds = w.resultProperty().get().dataset();
        assertThat(ds.rowCount()).isEqualTo(3);
        assertThat(ds.columnNames()).contains(ImportWizardViewModel.DEFAULT_SOURCE_COLUMN);
    }

    @Test
    void tokensAreSplitOnCommas() {
        assertThat(ImportWizardViewModel.parseTokens(" unknown, -999 ,,unknown")).containsExactly("unknown", "-999");
    }
}
