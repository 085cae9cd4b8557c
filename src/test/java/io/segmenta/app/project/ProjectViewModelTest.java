package io.segmenta.app.project;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.ui.Dialogs.SaveChoice;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectViewModelTest {
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Notice> notices = new ArrayList<>();
    private ProjectViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ProjectViewModel(runner, ProjectPersistence.STORE, dialogs, notices::add);
    }

    @Test
    void addingADatasetMakesTheProjectDirtyAndSavingCleansIt(@TempDir Path dir) throws Exception {
        assertThat(vm.isDirty()).isFalse();
        vm.addDataset(TestData.entry("customers", 10));
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.getProject().datasets()).hasSize(1);

        dialogs.saveAnswers.add(dir.resolve("campaign"));
        vm.save();
        Path saved = dir.resolve("campaign.segmenta");
        assertThat(Files.isRegularFile(saved)).isTrue();
        assertThat(vm.getFile()).isEqualTo(saved.toAbsolutePath().normalize());
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.displayName()).isEqualTo("campaign");
        assertThat(vm.recentProjects()).containsExactly(saved.toAbsolutePath().normalize());
        assertThat(runner.submittedCount()).isEqualTo(1);

        ProjectViewModel other = new ProjectViewModel(runner, ProjectPersistence.STORE, dialogs, n -> { });
        other.open(saved);
        assertThat(other.getProject().datasets()).extracting(e -> e.name()).containsExactly("customers");
        assertThat(other.getProject().dataset("customers").orElseThrow().dataset().rowCount()).isEqualTo(10);
        assertThat(other.isDirty()).isFalse();
    }

    @Test
    void newProjectOnADirtyProjectAsksAndCancelKeepsEverything() {
        vm.addDataset(TestData.entry("customers", 3));
        Project before = vm.getProject();
        dialogs.saveChoices.add(SaveChoice.CANCEL);
        vm.newProject();
        assertThat(dialogs.saveQuestions).isEqualTo(1);
        assertThat(vm.getProject()).isSameAs(before);
        assertThat(vm.isDirty()).isTrue();

        dialogs.saveChoices.add(SaveChoice.DISCARD);
        vm.newProject();
        assertThat(vm.getProject().datasets()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void saveChoiceSavesBeforeReplacing(@TempDir Path dir) {
        vm.addDataset(TestData.entry("customers", 3));
        dialogs.saveChoices.add(SaveChoice.SAVE);
        dialogs.saveAnswers.add(dir.resolve("first.segmenta"));
        vm.newProject();
        assertThat(Files.isRegularFile(dir.resolve("first.segmenta"))).isTrue();
        assertThat(vm.getProject().datasets()).isEmpty();
        assertThat(vm.getFile()).isNull();
    }

    @Test
    void cancellingTheSaveChooserCancelsTheReplacement() {
        vm.addDataset(TestData.entry("customers", 3));
        dialogs.saveChoices.add(SaveChoice.SAVE);
        vm.newProject(); // no save target given: the user closed the chooser
        assertThat(vm.getProject().datasets()).hasSize(1);
        assertThat(vm.isDirty()).isTrue();
    }

    @Test
    void aCleanProjectIsReplacedWithoutAsking() {
        vm.newProject();
        assertThat(dialogs.saveQuestions).isZero();
    }

    @Test
    void openingABadFileShowsAnErrorAndChangesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.segmenta");
        Files.writeString(bad, "this is not a project");
        vm.addDataset(TestData.entry("keep", 2));
        Project before = vm.getProject();
        dialogs.saveChoices.add(SaveChoice.DISCARD);
        vm.open(bad);
        assertThat(dialogs.errors).hasSize(1);
        assertThat(vm.getProject()).isSameAs(before);
        assertThat(vm.recentProjects()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void recentListIsMostRecentFirstWithoutDuplicatesAndCapped() {
        for (int i = 0; i < 12; i++) vm.addRecent(Path.of("/tmp/p" + i + ".segmenta"));
        vm.addRecent(Path.of("/tmp/p5.segmenta"));
        assertThat(vm.recentProjects()).hasSize(AppSettings.MAX_RECENT);
        assertThat(vm.recentProjects().get(0)).isEqualTo(Path.of("/tmp/p5.segmenta"));
        assertThat(vm.recentProjects().get(1)).isEqualTo(Path.of("/tmp/p11.segmenta"));
        assertThat(vm.recentProjects().stream().distinct().count()).isEqualTo(AppSettings.MAX_RECENT);
    }
}
