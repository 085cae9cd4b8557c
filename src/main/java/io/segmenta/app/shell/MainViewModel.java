package io.segmenta.app.shell;

import io.segmenta.app.campaigns.CampaignsDialogs;
import io.segmenta.app.campaigns.CampaignsViewModel;
import io.segmenta.app.clv.ClvDialogs;
import io.segmenta.app.clv.ClvViewModel;
import io.segmenta.app.data.DataViewModel;
import io.segmenta.app.explore.ExploreViewModel;
import io.segmenta.app.models.ModelsDialogs;
import io.segmenta.app.models.ModelsViewModel;
import io.segmenta.app.segments.SegmentsDialogs;
import io.segmenta.app.segments.SegmentsViewModel;
import io.segmenta.app.importer.ImportWizardViewModel;
import io.segmenta.app.join.JoinViewModel;
import io.segmenta.app.overview.OverviewViewModel;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.project.SettingsStore;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Dialogs;
import io.segmenta.app.ui.Notice;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * State of the main window: the project, the navigation, theme and language, running tasks, notices, and
 * the dialogs that are open (import wizard, join). The view only binds to it.
 */
public final class MainViewModel {

    public enum Theme { LIGHT, DARK }

    /** File name endings the window accepts for import by drag and drop. */
    public static final List<String> IMPORTABLE = List.of(".csv", ".txt", ".tsv");

    private static final int MAX_NOTICES = 50;

    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final SettingsStore settingsStore;
    private final AtomicLong settingsSequence = new AtomicLong();
    private final ProjectViewModel project;
    private final OverviewViewModel overview;
    private final DataViewModel data;
    private final ExploreViewModel explore;
    private final SegmentsViewModel segments;
    private final ModelsViewModel models;
    private final ClvViewModel clv;
    private final CampaignsViewModel campaigns;

    private final ObservableList<Section> sections = FXCollections.observableArrayList(Section.values());
    private final ObjectProperty<Section> selectedSection = new SimpleObjectProperty<>(this, "selectedSection", Section.OVERVIEW);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>(this, "language", I18n.locale());
    private final ReadOnlyIntegerWrapper uiGeneration = new ReadOnlyIntegerWrapper(this, "uiGeneration");
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImportWizardViewModel> importWizard = new ReadOnlyObjectWrapper<>(this, "importWizard");
    private final ReadOnlyObjectWrapper<JoinViewModel> joinDialog = new ReadOnlyObjectWrapper<>(this, "joinDialog");
    private final ObjectBinding<TaskHandle<?>> currentTask;
    private final BooleanBinding canJoin;

    /**
     * @param settingsStore where settings are saved; null = not saved (tests)
     * @param settings      settings loaded at start
     */
    public MainViewModel(TaskRunner runner, Dialogs dialogs, ProjectPersistence persistence,
                         SettingsStore settingsStore, AppSettings settings) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.settingsStore = settingsStore;
        Notifier notifier = this::addNotice;
        this.project = new ProjectViewModel(runner, persistence, dialogs, notifier);
        this.overview = new OverviewViewModel(project.projectProperty());
        this.data = new DataViewModel(project);
        this.explore = new ExploreViewModel(runner, project.projectProperty(), notifier);
        this.segments = new SegmentsViewModel(runner, project, SegmentsDialogs.fx(), notifier);
        this.models = new ModelsViewModel(runner, project, notifier, ModelsDialogs.fx());
        this.clv = new ClvViewModel(runner, project, notifier, ClvDialogs.fx());
        this.campaigns = new CampaignsViewModel(runner, project, notifier, CampaignsDialogs.fx());

        if (settings.language() != null) I18n.setLocale(Locale.of(settings.language()));
        language.set(I18n.locale());
        theme.set("dark".equals(settings.theme()) ? Theme.DARK : Theme.LIGHT);
        project.setRecent(settings.recentProjects().stream().map(Path::of).toList());

        currentTask = Bindings.createObjectBinding(
                () -> runner.running().isEmpty() ? null : runner.running().get(runner.running().size() - 1),
                runner.running());
        canJoin = Bindings.createBooleanBinding(() -> project.getProject().datasets().size() >= 2, project.projectProperty());

        project.recentProjects().addListener((ListChangeListener<Path>) c -> saveSettings());
        theme.addListener((o, a, b) -> saveSettings());
    }

    public TaskRunner runner() { return runner; }

    public Dialogs dialogs() { return dialogs; }

    public ProjectViewModel project() { return project; }

    public OverviewViewModel overview() { return overview; }

    public DataViewModel data() { return data; }

    public ExploreViewModel explore() { return explore; }

    public SegmentsViewModel segments() { return segments; }

    public ModelsViewModel models() { return models; }

    public ClvViewModel clv() { return clv; }

    public CampaignsViewModel campaigns() { return campaigns; }

    public ObservableList<Section> sections() { return sections; }

    public ObjectProperty<Section> selectedSectionProperty() { return selectedSection; }

    public ObjectProperty<Theme> themeProperty() { return theme; }

    public ReadOnlyObjectProperty<Locale> languageProperty() { return language.getReadOnlyProperty(); }

    /** Increases whenever the UI must be rebuilt from the bundles (language switch). */
    public ReadOnlyIntegerProperty uiGenerationProperty() { return uiGeneration.getReadOnlyProperty(); }

    /** Every notice so far (newest last, capped); the view shows new ones as toasts. */
    public ObservableList<Notice> notices() { return notices; }

    public ReadOnlyObjectProperty<ImportWizardViewModel> importWizardProperty() { return importWizard.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<JoinViewModel> joinDialogProperty() { return joinDialog.getReadOnlyProperty(); }

    /** The newest running task, or null. */
    public ObjectBinding<TaskHandle<?>> currentTaskBinding() { return currentTask; }

    public BooleanBinding canJoinBinding() { return canJoin; }

    /** The window title: app name, project name, and a marker when there are unsaved changes. */
    public String windowTitle() {
        return I18n.tr(project.isDirty() ? "ui.window.titleDirty" : "ui.window.title", project.displayName());
    }

    public void addNotice(Notice n) {
        notices.add(n);
        if (notices.size() > MAX_NOTICES) notices.remove(0, notices.size() - MAX_NOTICES);
    }

    // ---- language and theme

    public void setLanguage(Locale l) {
        I18n.setLocale(l);
        if (!I18n.locale().equals(language.get())) {
            language.set(I18n.locale());
            uiGeneration.set(uiGeneration.get() + 1);
            saveSettings();
        }
    }

    public AppSettings currentSettings() {
        return new AppSettings(project.recentProjects().stream().map(Path::toString).toList(),
                theme.get() == Theme.DARK ? "dark" : "light", I18n.locale().getLanguage());
    }

    private void saveSettings() {
        if (settingsStore == null) return;
        AppSettings s = currentSettings();
        long seq = settingsSequence.incrementAndGet();
        runner.submit(I18n.tr("ui.task.settings"), ctx -> {
            settingsStore.save(s, seq);
            return null;
        }, ok -> { }, err -> addNotice(new Notice(Notice.Kind.ERROR, I18n.tr("ui.error.settings", Notifier.describe(err)))));
    }

    // ---- import and join

    /** Asks for CSV files and opens the import wizard on them. */
    public void importCsv() {
        if (importWizard.get() != null) return;
        List<Path> files = dialogs.chooseImportFiles();
        if (!files.isEmpty()) startImport(files);
    }

    /** Opens the import wizard on the given files (from the menu, a chooser or drag and drop). */
    public void startImport(List<Path> files) {
        List<Path> accepted = importableFiles(files);
        if (accepted.isEmpty() || importWizard.get() != null) return;
        ImportWizardViewModel wizard = new ImportWizardViewModel(runner, project, dialogs, this::addNotice, accepted);
        wizard.closedProperty().addListener((o, was, closed) -> {
            if (closed && importWizard.get() == wizard) {
                importWizard.set(null);
                if (wizard.addedDatasetName() != null) {
                    data.select(wizard.addedDatasetName());
                    selectedSection.set(Section.DATA);
                }
            }
        });
        importWizard.set(wizard);
        wizard.start();
    }

    /** The files among {@code files} that look like delimited text by their name. */
    public static List<Path> importableFiles(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path p : files) {
            String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (IMPORTABLE.stream().anyMatch(n::endsWith)) out.add(p);
        }
        return out;
    }

    /** Shows the named dataset on the Data page. */
    public void openDataset(String name) {
        data.select(name);
        if (data.getSelected() != null && name.equals(data.getSelected().name())) selectedSection.set(Section.DATA);
    }

    public void join() {
        if (joinDialog.get() != null || !canJoin.get()) return;
        JoinViewModel vm = new JoinViewModel(runner, project, this::addNotice);
        vm.closedProperty().addListener((o, was, closed) -> {
            if (closed && joinDialog.get() == vm) {
                joinDialog.set(null);
                if (vm.addedDatasetName() != null) {
                    data.select(vm.addedDatasetName());
                    selectedSection.set(Section.DATA);
                }
            }
        });
        joinDialog.set(vm);
    }

    // ---- project commands

    public void newProject() { project.newProject(); }

    public void openProject() { project.openWithChooser(); }

    public void openRecent(Path p) { project.open(p); }

    public void save() { project.save(); }

    public void saveAs() { project.saveAs(); }

    /** Runs {@code exit} once unsaved changes are saved or discarded; does nothing on Cancel. */
    public void requestQuit(Runnable exit) {
        project.guardUnsaved(exit);
    }
}
