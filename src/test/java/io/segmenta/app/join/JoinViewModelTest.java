package io.segmenta.app.join;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The join dialog's view model: a join that matched nothing is explained and cannot be added. */
class JoinViewModelTest {
    private Locale before;
    private ProjectViewModel project;
    private final List<Object> notices = new ArrayList<>();

    @BeforeEach
    void setUp() {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
        project = new ProjectViewModel(new SameThreadTaskRunner(), ProjectPersistence.STORE, new ScriptedDialogs(), notices::add);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        project.addDataset(new DatasetEntry(new Dataset("customers", List.of(StringColumn.of("id", false, "a", "b", "c"),
                StringColumn.of("province", true, "02", "28", "28"))), "import", null, List.of(), null, t, null));
        project.addDataset(new DatasetEntry(new Dataset("ine", List.of(StringColumn.of("label", false, "02 Albacete", "28 Madrid"),
                StringColumn.of("iso", true, "ES-AB", "ES-M"))), "import", null, List.of(), null, t, null));
    }

    @AfterEach
    void restore() { I18n.setLocale(before); }

    @Test
    void noMatchIsExplainedAndNotAddedThenTheFirstWordRuleJoins() {
        JoinViewModel vm = new JoinViewModel(new SameThreadTaskRunner(), project, notices::add);
        vm.leftDatasetProperty().set("customers");
        vm.rightDatasetProperty().set("ine");
        vm.keys().get(0).leftColumnProperty().set("province");
        vm.keys().get(0).rightColumnProperty().set("label");
        vm.run();
        assertThat(vm.stepProperty().get()).isEqualTo(JoinViewModel.Step.REPORT);
        assertThat(vm.noMatchProperty().get()).contains("No row of customers matched ine")
                .contains("\"2 albacete\"").contains("Compare only the first word");
        int datasets = project.getProject().datasets().size();
        vm.finish();
        assertThat(project.getProject().datasets()).hasSize(datasets);
        assertThat(vm.closedProperty().get()).isFalse();

        vm.back();
        assertThat(vm.noMatchProperty().get()).isNull();
        vm.firstWordProperty().set(true);
        vm.run();
        assertThat(vm.noMatchProperty().get()).isNull();
        assertThat(vm.resultProperty().get().report().matchedRows()).isEqualTo(3);
        vm.finish();
        assertThat(project.getProject().datasets()).hasSize(datasets + 1);
        assertThat(vm.resultProperty().get().request().toRecipe()).containsEntry("first_word", true);
    }

    @Test
    void theColumnsToBringAndTheSuffixReachTheJoin() {
        project.addDataset(new DatasetEntry(new Dataset("extra", List.of(StringColumn.of("province", false, "02", "28"),
                StringColumn.of("id", true, "x", "y"), StringColumn.of("region", true, "CLM", "MAD"))), "import", null, List.of(), null,
                Instant.parse("2025-01-01T00:00:00Z"), null));
        JoinViewModel vm = new JoinViewModel(new SameThreadTaskRunner(), project, notices::add);
        vm.leftDatasetProperty().set("customers");
        vm.rightDatasetProperty().set("extra");
        vm.keys().get(0).leftColumnProperty().set("province");
        vm.keys().get(0).rightColumnProperty().set("province");
        assertThat(vm.rightColumnChoices()).containsExactly("id", "region");
        vm.bringProperty().set(List.of("id"));
        vm.suffixProperty().set("_ine");
        vm.run();
        assertThat(vm.resultProperty().get().dataset().columnNames()).containsExactly("id", "province", "id_ine");
        vm.back();
        vm.rightDatasetProperty().set("ine");
        assertThat(vm.bringProperty().get()).as("a new right table brings all its columns").isNull();
    }
}
