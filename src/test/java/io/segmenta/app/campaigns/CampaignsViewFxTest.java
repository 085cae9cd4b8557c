package io.segmenta.app.campaigns;

import io.segmenta.app.SampleProject;
import atlantafx.base.theme.PrimerLight;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.campaign.Allocation;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

/**
 * The Campaigns section on the sample project with the real background runner: a 1,000-customer list of the
 * customers, 5 creatives stratified by channel with a 10% holdout, its preview; then a small results table
 * imported through the (scripted) file chooser and analysed.
 */
@ExtendWith(ApplicationExtension.class)
class CampaignsViewFxTest {
    private static Project sample;
    @TempDir Path dir;
    private FxTaskRunner runner;
    private CampaignsViewModel vm;
    private final ScriptedCampaignsDialogs dialogs = new ScriptedCampaignsDialogs();
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void openSample() {
        sample = SampleProject.open();
    }

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new FxTaskRunner(2);
        ProjectViewModel project = new ProjectViewModel(runner, SampleProject.serving(sample), new ScriptedDialogs(), notices::add);
        vm = new CampaignsViewModel(runner, project, notices::add, dialogs);
        CampaignsView view = new CampaignsView(vm, false);
        stage.setScene(new Scene(view.root(), 1260, 780));
        stage.show();
        project.load(Path.of("sample.segmenta"));
    }

    @AfterEach
    void tearDown() { runner.shutdown(); }

    /** Scrolls the form holding {@code query} to its end, where the field is. */
    private static void toBottom(FxRobot robot, String query) {
        javafx.scene.Node field = robot.lookup(query).query();
        robot.interact(() -> {
            javafx.scene.Node n = field;
            while (!(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
            ((javafx.scene.control.ScrollPane) n).setVvalue(1);
        });
        waitForFxEvents();
    }

    @Test
    void buildsAStratifiedListOfTheSampleAndAnalysesResults(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> "customers".equals(vm.datasetProperty().get()));
        robot.interact(() -> {
            vm.segmentColumnProperty().set("channel");
            vm.creativeCountProperty().set(5);
            vm.allocationProperty().set(Allocation.STRATIFIED);
        });
        // typed like a user: size and holdout
        TextField holdout = robot.lookup("#holdout").queryAs(TextField.class);
        robot.interact(() -> {
            holdout.setText("");
            javafx.scene.Node n = holdout;
            while (!(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
            ((javafx.scene.control.ScrollPane) n).setVvalue(1);
        });
        waitForFxEvents();
        robot.clickOn(holdout).write("10%");
        robot.interact(() -> vm.sampleSizeProperty().set(1000));
        waitFor(20, TimeUnit.SECONDS, () -> vm.getPreview() != null && vm.getPreview().size() == 1000
                && vm.getPreview().holdoutCount() == 100 && !vm.previewBusyProperty().get());
        waitForFxEvents();
        assertThat(vm.getPreview().definition().segmentColumn()).isEqualTo("channel");
        assertThat(vm.getPreview().creativeTotals().values()).containsExactly(180, 180, 180, 180, 180);
        TableView<?> table = robot.lookup("#previewTable").queryAs(TableView.class);
        assertThat(table.getColumns()).hasSize(2 + 5 + 2);
        assertThat(table.getItems()).hasSize(5); // app, email, store, web + total
        assertThat(robot.lookup("#previewSummary").queryAs(Label.class).getText())
                .isEqualTo("1,000 customers on the list: 900 to mail, 100 held out, from 20,000 eligible");
        assertThat(robot.lookup("#previewError").queryAs(Label.class).isVisible()).isFalse();

        // an impossible request shows the message with the numbers
        robot.interact(() -> vm.sampleSizeProperty().set(50_000));
        waitFor(20, TimeUnit.SECONDS, () -> vm.previewErrorProperty().get() != null);
        waitForFxEvents();
        Label error = robot.lookup("#previewError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("50,000").contains("20,000");
        robot.interact(() -> vm.sampleSizeProperty().set(1000));
        waitFor(20, TimeUnit.SECONDS, () -> vm.getPreview() != null);

        // save it in the project
        robot.clickOn("#campaignName").write("Spring test");
        robot.clickOn("#saveCampaignButton");
        waitFor(10, TimeUnit.SECONDS, () -> vm.saved().size() == 1);
        assertThat(robot.lookup("#savedTable").queryAs(TableView.class).getItems()).hasSize(1);

        // A/B results: five creatives, E clearly best on conversions
        StringBuilder csv = new StringBuilder("creative,clicked,converted,revenue\n");
        String[] arms = {"A", "B", "C", "D", "E"};
        for (int a = 0; a < arms.length; a++) {
            int conv = a == 4 ? 40 : 10;
            for (int i = 0; i < 180; i++) csv.append(arms[a]).append(',').append(i < 2 * conv ? 1 : 0).append(',')
                    .append(i < conv ? 1 : 0).append(',').append(i < conv ? "25.5" : "0").append('\n');
        }
        Path results = dir.resolve("results.csv");
        Files.writeString(results, csv, StandardCharsets.UTF_8);
        dialogs.results.add(results);
        robot.clickOn("#tabAb");
        robot.clickOn("#importResultsButton");
        waitFor(20, TimeUnit.SECONDS, () -> vm.resultsDatasetProperty().get() != null);
        waitForFxEvents();
        assertThat(vm.mappingProperty(ResultField.ARM).get()).isEqualTo("creative");
        toBottom(robot, "#costPerSend");
        robot.clickOn("#costPerSend").write("0.2");
        robot.clickOn("#analyseButton");
        waitFor(20, TimeUnit.SECONDS, () -> vm.getReport() != null && !vm.analysingProperty().get());
        waitForFxEvents();
        assertThat(vm.getReport().recommendation().leader()).isEqualTo("E");
        assertThat(robot.lookup("#armTable").queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(robot.lookup("#recommendation").query().isVisible()).isTrue();
        assertThat(robot.lookup("#recommendationText").queryAs(Label.class).getText()).isEqualTo(vm.getReport().recommendation().message());
        assertThat(robot.lookup("#bayesTable").queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(notices).extracting(Notice::kind).doesNotContain(Notice.Kind.ERROR);
    }

    /**
     * Builds a 1,000-customer list of the sample through the form, saves it, then exports it from the Export tab by
     * clicking: semicolon, BOM, Export; the target comes from the scripted file chooser.
     */
    @Test
    void buildsAListOfTheSampleAndExportsItWithSemicolonAndBom(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> "customers".equals(vm.datasetProperty().get()));
        robot.interact(() -> {
            vm.segmentColumnProperty().set("channel");
            vm.creativeCountProperty().set(5);
            vm.allocationProperty().set(Allocation.STRATIFIED);
        });
        TextField holdout = robot.lookup("#holdout").queryAs(TextField.class);
        robot.interact(() -> holdout.setText(""));
        toBottom(robot, "#holdout");
        robot.clickOn(holdout).write("10%");
        robot.interact(() -> vm.sampleSizeProperty().set(1000));
        waitFor(20, TimeUnit.SECONDS, () -> vm.getPreview() != null && vm.getPreview().size() == 1000
                && vm.getPreview().holdoutCount() == 100 && !vm.previewBusyProperty().get());
        waitForFxEvents();
        robot.clickOn("#campaignName").write("Spring export");
        robot.clickOn("#saveCampaignButton");
        waitFor(10, TimeUnit.SECONDS, () -> vm.saved().size() == 1);
        String idColumn = vm.getPreview().definition().idColumn();
        assertThat(idColumn).isNotBlank();

        // Export tab: semicolon and BOM by clicking, then Export; the chooser answers with a file in the temp dir
        Path target = dir.resolve("spring-export.csv");
        dialogs.exports.add(target);
        robot.clickOn("#tabExport");
        waitForFxEvents();
        robot.clickOn("#delimiterSemicolon");
        assertThat(robot.lookup("#delimiterSemicolon").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(vm.delimiterProperty().get()).isEqualTo(';');
        if (!robot.lookup("#bom").queryAs(CheckBox.class).isSelected()) robot.clickOn("#bom");
        assertThat(vm.bomProperty().get()).isTrue();
        toBottom(robot, "#exportButton");
        robot.clickOn("#exportButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.exportResultProperty().get() != null && !vm.exportingProperty().get());
        waitForFxEvents();
        assertThat(dialogs.suggested).containsExactly("Spring_export.csv");

        assertThat(target).isRegularFile();
        byte[] bytes = Files.readAllBytes(target);
        assertThat(bytes.length).isGreaterThan(3);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        String header = lines.get(0);
        List<String> names = List.of(header.split(";", -1));
        assertThat(header).doesNotContain(",");
        assertThat(names).contains(idColumn, "segment", "creative", "group");
        assertThat(lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty())).hasSize(1000);
        Path manifest = dir.resolve("spring-export.manifest.json");
        assertThat(manifest).isRegularFile();
        assertThat(Files.readString(manifest)).contains("segmenta.campaign-manifest");

        Label summary = robot.lookup("#exportSummary").queryAs(Label.class);
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getText()).contains("1,000 rows written to").contains(target.toString())
                .contains("Manifest: " + manifest);
        assertThat(notices).extracting(Notice::kind).doesNotContain(Notice.Kind.ERROR);
    }
}
