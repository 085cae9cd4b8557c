package io.segmenta.app.shell;

import atlantafx.base.theme.Styles;
import io.segmenta.app.campaigns.CampaignsView;
import io.segmenta.app.clv.ClvView;
import io.segmenta.app.data.DataView;
import io.segmenta.app.explore.ExploreView;
import io.segmenta.app.models.ModelsView;
import io.segmenta.app.segments.SegmentsView;
import io.segmenta.app.overview.OverviewView;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Icons;
import io.segmenta.app.ui.Notice;
import io.segmenta.app.ui.Toasts;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main window's content, built from the current language bundle: menu, left navigation, the selected
 * section, status bar with running tasks, and toasts. Thrown away and rebuilt on a language or theme switch;
 * {@link #dispose()} removes its listeners from the view model.
 */
public final class MainView {
    private final MainViewModel vm;
    private final Runnable onQuit;
    private final Disposer disposer = new Disposer();
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final Toasts toasts = new Toasts();
    private OverviewView overviewView;
    private DataView dataView;
    private ExploreView exploreView;
    private SegmentsView segmentsView;
    private ModelsView modelsView;
    private ClvView clvView;
    private CampaignsView campaignsView;

    public MainView(MainViewModel vm, Runnable onQuit) {
        this.vm = vm;
        this.onQuit = onQuit;
        build();
    }

    public Parent root() { return root; }

    public Toasts toasts() { return toasts; }

    private void build() {
        BorderPane main = new BorderPane();
        main.setTop(menuBar());
        main.setLeft(sidebar());
        content.getStyleClass().add("content");
        main.setCenter(content);
        main.setBottom(statusBar());
        root.getChildren().addAll(main, toasts);
        root.getStyleClass().add("segmenta-root");
        StackPane.setAlignment(toasts, Pos.TOP_RIGHT);

        disposer.add(vm.selectedSectionProperty().subscribe(this::showSection));

        ListChangeListener<Notice> onNotice = c -> {
            while (c.next()) if (c.wasAdded()) c.getAddedSubList().forEach(toasts::show);
        };
        vm.notices().addListener(onNotice);
        disposer.add(() -> vm.notices().removeListener(onNotice));

        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !MainViewModel.importableFiles(paths(e.getDragboard().getFiles())).isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) vm.startImport(paths(e.getDragboard().getFiles()));
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

    private void showSection(Section s) {
        if (overviewView != null) overviewView.dispose();
        if (dataView != null) dataView.dispose();
        if (exploreView != null) exploreView.dispose();
        if (segmentsView != null) segmentsView.dispose();
        segmentsView = null;
        if (modelsView != null) modelsView.dispose();
        modelsView = null;
        if (clvView != null) clvView.dispose();
        clvView = null;
        if (campaignsView != null) campaignsView.dispose();
        campaignsView = null;
        overviewView = null;
        dataView = null;
        exploreView = null;
        Node n = switch (s == null ? Section.OVERVIEW : s) {
            case OVERVIEW -> (overviewView = new OverviewView(vm.overview(), vm.project(), vm::importCsv, vm::openDataset,
                    vm.themeProperty().get() == MainViewModel.Theme.DARK)).root();
            case DATA -> (dataView = new DataView(vm.data(), vm::importCsv, vm::join, vm.canJoinBinding())).root();
            case EXPLORE -> (exploreView = new ExploreView(vm.explore(), vm.themeProperty().get() == MainViewModel.Theme.DARK)).root();
            case SEGMENTS -> (segmentsView = new SegmentsView(vm.segments(), vm.themeProperty().get() == MainViewModel.Theme.DARK)).root();
            case MODELS -> (modelsView = new ModelsView(vm.models(), vm.themeProperty().get() == MainViewModel.Theme.DARK)).root();
            case CLV -> (clvView = new ClvView(vm.clv(), vm.themeProperty().get() == MainViewModel.Theme.DARK)).root();
            case CAMPAIGNS -> (campaignsView = new CampaignsView(vm.campaigns(), vm.themeProperty().get() == MainViewModel.Theme.DARK)).root();
        };
        content.getChildren().setAll(n);
    }

    // ---- menu

    private MenuBar menuBar() {
        MenuItem newItem = item("ui.menu.file.new", MaterialDesignF.FILE_OUTLINE, "Shortcut+N", vm::newProject);
        MenuItem open = item("ui.menu.file.open", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Shortcut+O", vm::openProject);
        Menu recent = new Menu(I18n.tr("ui.menu.file.recent"));
        recent.setId("recentMenu");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            if (vm.project().recentProjects().isEmpty()) {
                MenuItem none = new MenuItem(I18n.tr("ui.menu.file.recent.none"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
            for (Path p : vm.project().recentProjects()) {
                MenuItem mi = new MenuItem(p.getFileName().toString());
                mi.setMnemonicParsing(false);
                mi.setOnAction(e -> vm.openRecent(p));
                recent.getItems().add(mi);
            }
        };
        fillRecent.run();
        disposer.add(vm.project().recentProjects().subscribe(fillRecent));
        MenuItem save = item("ui.menu.file.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Shortcut+S", vm::save);
        MenuItem saveAs = item("ui.menu.file.saveAs", null, "Shortcut+Shift+S", vm::saveAs);
        MenuItem importCsv = item("ui.menu.file.import", MaterialDesignF.FILE_IMPORT_OUTLINE, "Shortcut+I", vm::importCsv);
        importCsv.setId("importMenuItem");
        MenuItem join = item("ui.menu.file.join", MaterialDesignT.TABLE_MERGE_CELLS, "Shortcut+J", vm::join);
        join.disableProperty().bind(vm.canJoinBinding().not());
        MenuItem quit = item("ui.menu.file.quit", null, "Shortcut+Q", onQuit);
        save.disableProperty().bind(vm.project().busyProperty());
        saveAs.disableProperty().bind(vm.project().busyProperty());
        Menu file = new Menu(I18n.tr("ui.menu.file"), null, newItem, open, recent, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importCsv, join, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("ui.menu.view.light", themes, vm.themeProperty().get() == MainViewModel.Theme.LIGHT,
                () -> vm.themeProperty().set(MainViewModel.Theme.LIGHT));
        RadioMenuItem dark = radio("ui.menu.view.dark", themes, vm.themeProperty().get() == MainViewModel.Theme.DARK,
                () -> vm.themeProperty().set(MainViewModel.Theme.DARK));
        Menu view = new Menu(I18n.tr("ui.menu.view"), null, light, dark);

        ToggleGroup langs = new ToggleGroup();
        String current = I18n.locale().getLanguage();
        RadioMenuItem en = radio("ui.menu.language.en", langs, "en".equals(current), () -> vm.setLanguage(Locale.ENGLISH));
        RadioMenuItem es = radio("ui.menu.language.es", langs, "es".equals(current), () -> vm.setLanguage(Locale.of("es")));
        en.setId("languageEnglish");
        es.setId("languageSpanish");
        Menu language = new Menu(I18n.tr("ui.menu.language"), null, en, es);
        language.setId("languageMenu");
        MenuBar bar = new MenuBar(file, view, language);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String key, Ikon icon, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(I18n.tr(key), icon == null ? null : Icons.icon(icon));
        if (accelerator != null) mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private static RadioMenuItem radio(String key, ToggleGroup group, boolean selected, Runnable action) {
        RadioMenuItem mi = new RadioMenuItem(I18n.tr(key));
        mi.setToggleGroup(group);
        mi.setSelected(selected);
        mi.setOnAction(e -> action.run());
        return mi;
    }

    // ---- left navigation

    private Node sidebar() {
        FontIcon logo = Icons.icon(MaterialDesignC.CHART_DONUT, 26);
        logo.getStyleClass().add("brand-icon");
        Label brand = new Label(I18n.tr("ui.app.name"), logo);
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        Label tagline = new Label(I18n.tr("ui.app.tagline"));
        tagline.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        tagline.setWrapText(true);

        Label projectCaption = new Label(I18n.tr("ui.nav.project").toUpperCase(I18n.locale()));
        projectCaption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "nav-caption");
        Label projectName = new Label();
        projectName.setId("projectNameLabel");
        projectName.getStyleClass().addAll(Styles.TEXT_BOLD, "project-name");
        projectName.textProperty().bind(Bindings.createStringBinding(
                () -> vm.project().displayName() + (vm.project().isDirty() ? "  •" : ""),
                vm.project().fileProperty(), vm.project().dirtyProperty()));
        projectName.setTooltip(new Tooltip());
        projectName.getTooltip().textProperty().bind(Bindings.createStringBinding(
                () -> vm.project().getFile() == null ? I18n.tr("ui.project.notSaved") : vm.project().getFile().toString(),
                vm.project().fileProperty()));

        Label navCaption = new Label(I18n.tr("ui.nav.caption").toUpperCase(I18n.locale()));
        navCaption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "nav-caption");
        VBox nav = new VBox(4);
        ToggleGroup group = new ToggleGroup();
        for (Section s : vm.sections()) {
            ToggleButton b = new ToggleButton(I18n.tr(s.key()), Icons.icon(switch (s) {
                case OVERVIEW -> MaterialDesignV.VIEW_DASHBOARD_OUTLINE;
                case DATA -> MaterialDesignD.DATABASE_OUTLINE;
                case EXPLORE -> MaterialDesignC.CHART_BOX_OUTLINE;
                case SEGMENTS -> org.kordamp.ikonli.materialdesign2.MaterialDesignA.ACCOUNT_GROUP_OUTLINE;
                case MODELS -> org.kordamp.ikonli.materialdesign2.MaterialDesignB.BRAIN;
                case CLV -> org.kordamp.ikonli.materialdesign2.MaterialDesignC.CASH_MULTIPLE;
                case CAMPAIGNS -> org.kordamp.ikonli.materialdesign2.MaterialDesignE.EMAIL_FAST_OUTLINE;
            }, 18));
            b.setId("nav-" + s.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().addAll(Styles.FLAT, "nav-button");
            b.setUserData(s);
            nav.getChildren().add(b);
        }
        disposer.add(vm.selectedSectionProperty().subscribe(s -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == s))));
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                if (a != null) a.setSelected(true); // keep one section selected
            } else {
                vm.selectedSectionProperty().set((Section) b.getUserData());
            }
        });

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button(I18n.tr("ui.action.importCsv"), Icons.icon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importButton.setId("sidebarImportButton");
        importButton.getStyleClass().add(Styles.BUTTON_OUTLINED);
        importButton.setMaxWidth(Double.MAX_VALUE);
        importButton.setOnAction(e -> vm.importCsv());
        Label dropHint = new Label(I18n.tr("ui.nav.dropHint"));
        dropHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        dropHint.setWrapText(true);

        VBox side = new VBox(6, brand, tagline, gap(18), projectCaption, projectName, gap(18), navCaption, nav, spacer,
                importButton, dropHint);
        side.getStyleClass().add("sidebar");
        side.setPadding(new Insets(20, 16, 16, 16));
        side.setPrefWidth(230);
        side.setMinWidth(200);
        return side;
    }

    private static Region gap(double h) {
        Region r = new Region();
        r.setMinHeight(h);
        return r;
    }

    // ---- status bar

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.setProgress(0);
        ProgressBar progress = new ProgressBar();
        progress.setId("taskProgress");
        progress.setPrefWidth(160);
        Label count = new Label();
        count.setId("taskCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button(null, Icons.icon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("cancelTaskButton");
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        cancel.setTooltip(new Tooltip(I18n.tr("ui.status.cancel")));
        HBox right = new HBox(8, count, progress, cancel);
        right.setAlignment(Pos.CENTER_RIGHT);
        bar.getRightItems().add(right);

        Runnable refresh = () -> {
            TaskHandle<?> t = vm.currentTaskBinding().get();
            int n = vm.runner().running().size();
            right.setVisible(t != null);
            right.setManaged(t != null);
            count.setText(n > 1 ? I18n.tr("ui.status.tasks", Formats.integer(n)) : "");
            progress.progressProperty().unbind();
            bar.textProperty().unbind();
            if (t == null) {
                bar.setText(I18n.tr("ui.status.ready"));
                progress.setProgress(0);
                cancel.setOnAction(null);
            } else {
                progress.progressProperty().bind(t.progressProperty());
                bar.textProperty().bind(Bindings.createStringBinding(
                        () -> t.getMessage().isBlank() ? t.title() : t.title() + " — " + t.getMessage(), t.messageProperty()));
                cancel.setOnAction(e -> t.cancel());
            }
        };
        disposer.add(vm.currentTaskBinding().subscribe(t -> refresh.run()));
        disposer.add(vm.runner().running().subscribe(refresh));
        return bar;
    }

    public void dispose() {
        disposer.dispose();
        if (overviewView != null) overviewView.dispose();
        if (dataView != null) dataView.dispose();
        if (exploreView != null) exploreView.dispose();
        if (segmentsView != null) segmentsView.dispose();
        if (modelsView != null) modelsView.dispose();
        if (clvView != null) clvView.dispose();
        if (campaignsView != null) campaignsView.dispose();
    }
}
