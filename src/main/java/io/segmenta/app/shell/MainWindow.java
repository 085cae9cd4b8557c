package io.segmenta.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.segmenta.app.importer.ImportWizardView;
import io.segmenta.app.importer.ImportWizardViewModel;
import io.segmenta.app.join.JoinView;
import io.segmenta.app.join.JoinViewModel;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The main stage and the windows it owns. Long-lived: it rebuilds {@link MainView} from the bundles when the
 * language or theme changes (state stays in the view models) and opens the import and join dialogs when the
 * view model asks for them.
 */
public final class MainWindow {
    public static final String CSS = Objects.requireNonNull(MainWindow.class.getResource("/io/segmenta/app/segmenta.css")).toExternalForm();

    private final Stage stage;
    private final MainViewModel vm;
    private final Runnable exit;
    private final Scene scene;
    private MainView view;
    private Stage wizardStage;
    private ImportWizardView wizardView;
    private Stage joinStage;
    private JoinView joinView;

    /**
     * @param exit what Quit does once unsaved changes are dealt with (close the stage and stop the toolkit)
     */
    public MainWindow(Stage stage, MainViewModel vm, Runnable exit) {
        this.stage = stage;
        this.vm = vm;
        this.exit = exit;
        applyTheme(vm.themeProperty().get());
        view = new MainView(vm, this::requestQuit);
        updateThemeClass(view.root());
        scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(CSS);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.titleProperty().bind(Bindings.createStringBinding(vm::windowTitle,
                vm.project().fileProperty(), vm.project().dirtyProperty(), vm.languageProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestQuit();
        });
        vm.uiGenerationProperty().addListener((o, a, b) -> rebuild());
        vm.themeProperty().addListener((o, a, b) -> {
            applyTheme(b);
            rebuild();
        });
        vm.importWizardProperty().subscribe(this::showImportWizard);
        vm.joinDialogProperty().subscribe(this::showJoin);
    }

    public Stage stage() { return stage; }

    /**
     * Shows the main window over the whole usable area of the primary screen (without the task bar or dock)
     * and asks the window manager to maximise it, so the workbench never opens as a small window with
     * empty screen around it. Without a window manager the explicit bounds alone fill the screen.
     */
    public void showFillingScreen() {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setMinWidth(Math.min(stage.getMinWidth(), b.getWidth()));
        stage.setMinHeight(Math.min(stage.getMinHeight(), b.getHeight()));
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        stage.setMaximized(true);
        stage.show();
    }

    public MainView view() { return view; }

    public Window wizardWindow() { return wizardStage; }

    public void requestQuit() {
        vm.requestQuit(exit);
    }

    private void applyTheme(MainViewModel.Theme t) {
        Application.setUserAgentStylesheet(t == MainViewModel.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Builds the window content again from the current bundles. */
    public void rebuild() {
        MainView old = view;
        view = new MainView(vm, this::requestQuit);
        updateThemeClass(view.root());
        scene.setRoot(view.root());
        old.dispose();
    }

    private void updateThemeClass(Parent root) {
        root.getStyleClass().remove("dark");
        if (vm.themeProperty().get() == MainViewModel.Theme.DARK) root.getStyleClass().add("dark");
    }

    private Stage dialogStage(String title, Parent content, double w, double h) {
        Stage s = new Stage();
        s.initOwner(stage);
        s.initModality(Modality.WINDOW_MODAL);
        s.setTitle(title);
        Scene sc = new Scene(content, w, h);
        sc.getStylesheets().add(CSS);
        s.setScene(sc);
        return s;
    }

    private void showImportWizard(ImportWizardViewModel wvm) {
        if (wvm == null) {
            if (wizardStage != null) {
                Stage s = wizardStage;
                wizardStage = null;
                s.close();
                wizardView.dispose();
            }
            return;
        }
        wizardView = new ImportWizardView(wvm);
        wizardStage = dialogStage(I18n.tr("ui.import.title"), wizardView.root(), 1040, 720);
        wizardStage.setOnCloseRequest(e -> wvm.cancel());
        wizardStage.show();
    }

    private void showJoin(JoinViewModel jvm) {
        if (jvm == null) {
            if (joinStage != null) {
                Stage s = joinStage;
                joinStage = null;
                s.close();
                joinView.dispose();
            }
            return;
        }
        joinView = new JoinView(jvm);
        joinStage = dialogStage(I18n.tr("ui.join.title"), joinView.root(), 760, 620);
        joinStage.setOnCloseRequest(e -> jvm.cancel());
        joinStage.show();
    }
}
