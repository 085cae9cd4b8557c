package io.segmenta.cli;

import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text output of {@code train}, {@code score} and {@code clv} comes from the message bundles, with numbers in
 * the user's language (as {@code campaign} and {@code abtest}); --json and the metrics CSV stay machine-readable.
 */
class ModelCliTextLocaleTest {
    @TempDir
    Path dir;

    private Locale saved;

    @BeforeEach
    void remember() { saved = I18n.locale(); }

    @AfterEach
    void restore() { I18n.setLocale(saved); }

    private static TrainCommandTest.Run in(Locale l, String... args) {
        I18n.setLocale(l);
        return TrainCommandTest.run(args);
    }

    @Test
    void trainAndScoreSpeakEnglishAndSpanish() throws Exception {
        Path csv = TrainCommandTest.churnCsv(dir, 1200, 7);
        Path model = dir.resolve("m.segmodel"), metrics = dir.resolve("metrics.csv");
        String[] train = {"train", csv.toString(), "--target", "churn", "--positive", "1", "--algorithm", "logistic",
                "--model-out", model.toString(), "--metrics-out", metrics.toString(), "--epochs", "3", "--cv", "3"};

        TrainCommandTest.Run en = in(Locale.ENGLISH, train);
        assertThat(en.code()).as(en.err()).isZero();
        assertThat(en.out()).contains("Dataset   churn (1,200 rows)", "Target    churn (classification, positive = 1)",
                "Split     ", " test (seed 42)", "Test figures:", "Classification report (threshold 0.5):", "precision",
                "macro avg", "weighted avg", "Cross-validation (3 folds): ", "Permutation importance (test part):", "Model     " + model);
        assertThat(en.out()).containsPattern("roc_auc 0\\.\\d{4}");
        assertThat(en.err()).contains("segmenta: note: --epochs");

        TrainCommandTest.Run es = in(Locale.of("es"), train);
        assertThat(es.code()).as(es.err()).isZero();
        assertThat(es.out()).contains("Datos     churn (1.200 filas)", "Objetivo  churn (clasificación, clase positiva = 1)",
                "de entrenamiento", "de validación", "de prueba (semilla 42)", "Resultados en la parte de prueba:",
                "Informe de clasificación (umbral 0,5):", "precisión", "exhaustividad", "soporte", "media macro",
                "media ponderada", "Validación cruzada (3 particiones): ", "Importancia por permutación (parte de prueba):", "Modelo    " + model)
                .doesNotContain("Test figures", "report", "Permutation");
        assertThat(es.out()).containsPattern("roc_auc 0,\\d{4}").containsPattern("± 0,\\d{4}");
        assertThat(es.err()).contains("segmenta: nota: --epochs");

        // The metrics file stays machine-readable in Spanish: same columns, decimal points.
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines.get(0)).isEqualTo("metric,class,value");
        String auc = lines.stream().filter(l -> l.startsWith("roc_auc,")).findFirst().orElseThrow();
        assertThat(auc).matches("roc_auc,,0\\.\\d{6}");

        // --json keeps its keys and plain numbers whatever the language.
        TrainCommandTest.Run json = in(Locale.of("es"), "train", csv.toString(), "--target", "churn", "--positive", "1",
                "--algorithm", "logistic", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(json.out());
        assertThat(n.get("rows").asInt()).isEqualTo(1200);
        assertThat(n.get("task").asString()).isEqualTo("classification");
        assertThat(n.get("metrics").get("roc_auc").isNumber()).isTrue();
        assertThat(json.out()).doesNotContain("Datos", "filas");

        Path scored = dir.resolve("scored.csv");
        String[] score = {"score", csv.toString(), "--model", model.toString(), "--out", scored.toString()};
        TrainCommandTest.Run sEn = in(Locale.ENGLISH, score);
        assertThat(sEn.code()).as(sEn.err()).isZero();
        assertThat(sEn.out()).contains("Scored    1,200 rows with ", "Critical risk", "Immediate intervention", "Written   " + scored);
        TrainCommandTest.Run sEs = in(Locale.of("es"), score);
        assertThat(sEs.code()).as(sEs.err()).isZero();
        assertThat(sEs.out()).contains("Puntuadas 1.200 filas con ", "Riesgo crítico", "Intervención inmediata", "Escrito   " + scored)
                .doesNotContain("Scored", "Written");
        String scoredHeader = Files.readAllLines(scored, StandardCharsets.UTF_8).get(0);
        assertThat(scoredHeader).endsWith("churn_score,churn_decile,churn_tier,churn_action");
    }

    @Test
    void trainUsageErrorsAreTranslated() throws Exception {
        Path csv = TrainCommandTest.churnCsv(dir, 100, 8);
        TrainCommandTest.Run en = in(Locale.ENGLISH, "train", csv.toString(), "--target", "churn", "--algorithm", "svm");
        assertThat(en.code()).isEqualTo(2);
        assertThat(en.err()).contains("--algorithm: unknown 'svm'");
        TrainCommandTest.Run es = in(Locale.of("es"), "train", csv.toString(), "--target", "churn", "--algorithm", "svm");
        assertThat(es.code()).isEqualTo(2);
        assertThat(es.err()).contains("--algorithm: «svm» no existe");
    }

    private Path cdnow() throws Exception {
        return ClvCommandTest.cdnow(dir);
    }

    @Test
    void clvSpeaksEnglishAndSpanish() throws Exception {
        Path data = cdnow();
        Path out = dir.resolve("clv.csv");
        String[] args = {"clv", data.toString(), "--customer", "column_2", "--date", "column_3", "--amount", "column_5",
                "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--out", out.toString()};

        TrainCommandTest.Run en = in(Locale.ENGLISH, args);
        assertThat(en.code()).as(en.err()).isZero();
        assertThat(en.out()).contains("Customers   2,357 (946 with a repeat purchase)", "Model       BG/NBD, log-likelihood -9,582.4",
                ", converged", "Spend       Gamma-Gamma, log-likelihood -4,055.9", "Holdout     MAE ", "CLV         12 months at 1.00%/month",
                "RFM segments", "Champions", "customers (", "revenue share", "(se 0.", "Written     " + out);
        assertThat(en.err()).contains("with a zero amount were kept as purchases without spend").doesNotContain("(s)");

        TrainCommandTest.Run es = in(Locale.of("es"), args);
        assertThat(es.code()).as(es.err()).isZero();
        assertThat(es.out()).contains("Clientes    2.357 (946 con alguna compra repetida)", "Modelo      BG/NBD, log-verosimilitud -9.582,4",
                ", ha convergido", "Gasto       Gamma-Gamma, log-verosimilitud -4.055,9", "Validación  MAE 0,",
                "compras reales frente a", "CLV         12 meses al 1,00\u00a0% mensual", "Segmentos RFM", "Campeones",
                "clientes (", "cuota de ingresos", "(EE 0,", "Escrito     " + out)
                .doesNotContain("Customers", "log-likelihood", "Written");
        assertThat(es.err()).contains("segmenta: aviso: Se han mantenido", "transacciones con importe cero como compras sin gasto");

        // The per-customer CSV is the same in both languages.
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("customer", "clv", "rfm_segment");
        assertThat(lines.get(1)).doesNotContain(";");
    }
}
