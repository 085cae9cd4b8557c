package io.segmenta.app.shell;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.SettingsStore;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    @TempDir Path dir;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private MainViewModel vm(SettingsStore store, AppSettings s) {
        return new MainViewModel(runner, dialogs, ProjectPersistence.STORE, store, s);
    }

    @Test
    void onlyExistingFeaturesAreListed() {
        assertThat(vm(null, AppSettings.defaults()).sections()).containsExactly(Section.OVERVIEW, Section.DATA, Section.EXPLORE, Section.SEGMENTS, Section.MODELS, Section.CLV, Section.CAMPAIGNS);
    }

    @Test
    void languageSwitchKeepsStateRebuildsAndIsRemembered() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        MainViewModel vm = vm(store, new AppSettings(List.of(), "light", "en"));
        vm.project().addDataset(TestData.entry("customers", 4));
        int generation = vm.uiGenerationProperty().get();
        String englishTitle = vm.windowTitle();

        vm.setLanguage(Locale.of("es"));
        assertThat(I18n.locale().getLanguage()).isEqualTo("es");
        assertThat(vm.uiGenerationProperty().get()).isEqualTo(generation + 1);
        assertThat(vm.project().getProject().datasets()).hasSize(1);
        assertThat(vm.project().isDirty()).isTrue();
        assertThat(vm.windowTitle()).isNotEqualTo(englishTitle).contains("sin guardar");
        assertThat(I18n.tr("ui.menu.file")).isEqualTo("Archivo");
        assertThat(store.load().language()).isEqualTo("es");

        vm.setLanguage(Locale.of("es"));
        assertThat(vm.uiGenerationProperty().get()).as("same language: no rebuild").isEqualTo(generation + 1);
    }

    @Test
    void themeAndRecentProjectsArePersisted() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        MainViewModel vm = vm(store, AppSettings.defaults());
        vm.themeProperty().set(MainViewModel.Theme.DARK);
        vm.project().addRecent(dir.resolve("a.segmenta"));
        AppSettings saved = store.load();
        assertThat(saved.theme()).isEqualTo("dark");
        assertThat(saved.recentProjects()).containsExactly(dir.resolve("a.segmenta").toAbsolutePath().normalize().toString());
    }

    @Test
    void dropsAndChoosersOnlyImportDelimitedTextFiles() {
        assertThat(MainViewModel.importableFiles(List.of(Path.of("a.csv"), Path.of("b.TSV"), Path.of("c.txt"),
                Path.of("d.xlsx"), Path.of("e.segmenta")))).containsExactly(Path.of("a.csv"), Path.of("b.TSV"), Path.of("c.txt"));
        MainViewModel vm = vm(null, AppSettings.defaults());
        vm.startImport(List.of(Path.of("photo.png")));
        assertThat(vm.importWizardProperty().get()).isNull();
    }

    @Test
    void finishingTheWizardShowsTheNewDatasetInTheDataSection() {
        MainViewModel vm = vm(null, AppSettings.defaults());
        Path csv = TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV);
        dialogs.importAnswers.add(List.of(csv));
        vm.importCsv();
        var wizard = vm.importWizardProperty().get();
        assertThat(wizard).isNotNull();
        wizard.startImport();
        wizard.finish();
        assertThat(vm.importWizardProperty().get()).isNull();
        assertThat(vm.selectedSectionProperty().get()).isEqualTo(Section.DATA);
        assertThat(vm.data().getSelected().name()).isEqualTo("customers");
        assertThat(vm.overview().rowsProperty().get()).isEqualTo(5);
        assertThat(vm.notices()).isNotEmpty();
    }

    @Test
    void quitAsksWhenDirty() {
        MainViewModel vm = vm(null, AppSettings.defaults());
        boolean[] exited = {false};
        vm.requestQuit(() -> exited[0] = true);
        assertThat(exited[0]).isTrue();
        exited[0] = false;
        vm.project().addDataset(TestData.entry("x", 1));
        dialogs.saveChoices.add(io.segmenta.app.ui.Dialogs.SaveChoice.CANCEL);
        vm.requestQuit(() -> exited[0] = true);
        assertThat(exited[0]).isFalse();
    }

    @Test
    void joinNeedsTwoDatasetsAndAddsTheResult() {
        MainViewModel vm = vm(null, AppSettings.defaults());
        vm.project().addDataset(TestData.entry("customers", 5));
        assertThat(vm.canJoinBinding().get()).isFalse();
        vm.project().addDataset(TestData.entry("orders", 3));
        assertThat(vm.canJoinBinding().get()).isTrue();
        vm.join();
        var join = vm.joinDialogProperty().get();
        assertThat(join.keys()).hasSize(1);
        assertThat(join.keys().get(0).leftColumnProperty().get()).isEqualTo("id");
        assertThat(join.resultNameProperty().get()).isEqualTo("customers_orders");
        join.run();
        assertThat(join.resultProperty().get().report().matchedRows()).isEqualTo(3);
        join.finish();
        assertThat(vm.project().getProject().dataset("customers_orders")).isPresent();
        assertThat(vm.project().getProject().dataset("customers_orders").orElseThrow().origin()).isEqualTo("join");
        assertThat(vm.data().getSelected().name()).isEqualTo("customers_orders");
    }
}
