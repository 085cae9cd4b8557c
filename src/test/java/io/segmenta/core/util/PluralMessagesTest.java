package io.segmenta.core.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages with a count use MessageFormat choice formats, not "(s)": each is checked with 0, 1 and 2 (and a
 * grouped 1234) in English and Spanish.
 */
class PluralMessagesTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale ES = Locale.of("es");

    /** key, locale, extra arguments after the count (the count is argument 0 unless stated), expected for 0, 1, 2. */
    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("clv.warn.returnsDropped", EN, 0, null,
                        "No transaction has a negative amount (return).",
                        "One transaction with a negative amount (a return) was ignored.",
                        "2 transactions with a negative amount (returns) were ignored."),
                Arguments.of("clv.warn.returnsDropped", ES, 0, null,
                        "Ninguna transacción tiene importe negativo (devolución).",
                        "Se ha ignorado una transacción con importe negativo (devolución).",
                        "Se han ignorado 2 transacciones con importe negativo (devoluciones)."),
                Arguments.of("clv.warn.returnsNetted", EN, 0, null,
                        "No transaction with a negative amount (return) had to be netted against the same day; no customer-day was left with a negative net.",
                        "One transaction with a negative amount (a return) was netted against the same day; one customer-day with a negative net was not counted as a purchase.",
                        "2 transactions with a negative amount (returns) were netted against the same day; 2 customer-days with a negative net were not counted as purchases."),
                Arguments.of("clv.warn.returnsNetted", ES, 0, null,
                        "No ha habido que compensar ninguna transacción con importe negativo (devolución) con las compras del mismo día; ningún día-cliente ha quedado con saldo negativo.",
                        "Se ha compensado una transacción con importe negativo (devolución) con las compras del mismo día; un día-cliente con saldo negativo no cuenta como compra.",
                        "Se han compensado 2 transacciones con importe negativo (devoluciones) con las compras del mismo día; 2 días-cliente con saldo negativo no cuentan como compras."),
                Arguments.of("clv.warn.zeroAmounts", EN, 0, null,
                        "No transaction has a zero amount.",
                        "One transaction with a zero amount was kept as a purchase without spend.",
                        "2 transactions with a zero amount were kept as purchases without spend."),
                Arguments.of("clv.warn.zeroAmounts", ES, 0, null,
                        "Ninguna transacción tiene importe cero.",
                        "Se ha mantenido una transacción con importe cero como compra sin gasto.",
                        "Se han mantenido 2 transacciones con importe cero como compras sin gasto."),
                Arguments.of("clv.warn.onlyHoldout", EN, 0, null,
                        "No customer made their first purchase in the holdout period.",
                        "One customer made their first purchase in the holdout period and is left out.",
                        "2 customers made their first purchase in the holdout period and are left out."),
                Arguments.of("clv.warn.onlyHoldout", ES, 0, null,
                        "Ningún cliente hizo su primera compra en el periodo de validación.",
                        "Un cliente hizo su primera compra en el periodo de validación y queda fuera.",
                        "2 clientes hicieron su primera compra en el periodo de validación y quedan fuera."),
                Arguments.of("clv.warn.missingRows", EN, 0, null,
                        "No row has a missing customer, date or amount.",
                        "One row with a missing customer, date or amount was skipped.",
                        "2 rows with a missing customer, date or amount were skipped."),
                Arguments.of("clv.warn.missingRows", ES, 0, null,
                        "No falta el cliente, la fecha ni el importe en ninguna fila.",
                        "Se ha omitido una fila sin cliente, fecha o importe.",
                        "Se han omitido 2 filas sin cliente, fecha o importe."),
                Arguments.of("csv.warn.invalidUtf8", EN, 1, "data.csv",
                        "data.csv is UTF-8 without invalid byte sequences. If accents look wrong, choose the file's real encoding (e.g. windows-1252) and import again.",
                        "data.csv is UTF-8 with one invalid byte sequence, replaced by \uFFFD. If accents look wrong, choose the file's real encoding (e.g. windows-1252) and import again.",
                        "data.csv is UTF-8 with 2 invalid byte sequences, replaced by \uFFFD. If accents look wrong, choose the file's real encoding (e.g. windows-1252) and import again."),
                Arguments.of("csv.warn.invalidUtf8", ES, 1, "datos.csv",
                        "datos.csv está en UTF-8 sin secuencias de bytes no válidas. Si los acentos se ven mal, elija la codificación real del archivo (p. ej. windows-1252) e importe de nuevo.",
                        "datos.csv está en UTF-8 con una secuencia de bytes no válida, sustituida por \uFFFD. Si los acentos se ven mal, elija la codificación real del archivo (p. ej. windows-1252) e importe de nuevo.",
                        "datos.csv está en UTF-8 con 2 secuencias de bytes no válidas, sustituidas por \uFFFD. Si los acentos se ven mal, elija la codificación real del archivo (p. ej. windows-1252) e importe de nuevo."),
                Arguments.of("cli.import.rejectedNote", EN, 0, null,
                        "No row rejected.", "One row rejected; see the report above.", "2 rows rejected; see the report above."),
                Arguments.of("cli.import.rejectedNote", ES, 0, null,
                        "No se ha rechazado ninguna fila.", "Se ha rechazado una fila; vea el informe anterior.",
                        "Se han rechazado 2 filas; vea el informe anterior."),
                Arguments.of("model.mlp.device.cpu", EN, 0, "PyTorch",
                        "Neural network on the CPU, as asked (no GPU detected by PyTorch).",
                        "Neural network on the CPU, as asked (one GPU detected by PyTorch).",
                        "Neural network on the CPU, as asked (2 GPUs detected by PyTorch)."),
                Arguments.of("model.mlp.device.cpu", ES, 0, "PyTorch",
                        "Red neuronal en la CPU, como se pidió (PyTorch no detecta ninguna GPU).",
                        "Red neuronal en la CPU, como se pidió (PyTorch detecta una GPU).",
                        "Red neuronal en la CPU, como se pidió (PyTorch detecta 2 GPU)."),
                Arguments.of("model.mlp.device.gpu", EN, 0, "PyTorch",
                        "Neural network on the GPU (no GPU detected by PyTorch).",
                        "Neural network on the GPU (one GPU detected by PyTorch).",
                        "Neural network on the GPU (2 GPUs detected by PyTorch)."),
                Arguments.of("model.mlp.device.gpu", ES, 0, "PyTorch",
                        "Red neuronal en la GPU (PyTorch no detecta ninguna GPU).",
                        "Red neuronal en la GPU (PyTorch detecta una GPU).",
                        "Red neuronal en la GPU (PyTorch detecta 2 GPU)."),
                Arguments.of("ui.models.train.done", EN, 0, null,
                        "Training finished: no model added to the project.",
                        "Training finished: one model added to the project.",
                        "Training finished: 2 models added to the project."),
                Arguments.of("ui.models.train.done", ES, 0, null,
                        "Entrenamiento terminado: no se ha añadido ningún modelo al proyecto.",
                        "Entrenamiento terminado: se ha añadido un modelo al proyecto.",
                        "Entrenamiento terminado: se han añadido 2 modelos al proyecto."),
                Arguments.of("ui.models.notice.trained", EN, 0, "churn",
                        "No model trained on churn", "One model trained on churn", "2 models trained on churn"),
                Arguments.of("ui.models.notice.trained", ES, 0, "churn",
                        "Ningún modelo entrenado con churn", "Un modelo entrenado con churn", "2 modelos entrenados con churn"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("messages")
    void countsPickTheRightForm(String key, Locale l, int countIndex, String other, String zero, String one, String two) {
        assertThat(format(key, l, countIndex, other, 0)).isEqualTo(zero);
        assertThat(format(key, l, countIndex, other, 1)).isEqualTo(one);
        assertThat(format(key, l, countIndex, other, 2)).isEqualTo(two);
        String many = format(key, l, countIndex, other, 1234);
        assertThat(many).contains(l.equals(ES) ? "1.234" : "1,234").doesNotContain("(s)", "(es)", "(n)");
    }

    /** Counts are passed as numbers, as the call sites do (int, or long after ClvResult.Warning stores them). */
    private static String format(String key, Locale l, int countIndex, String other, long count) {
        Object[] args;
        if (key.equals("clv.warn.returnsNetted")) args = new Object[]{count, count};
        else if (other == null) args = new Object[]{count};
        else if (countIndex == 0) args = new Object[]{count, other};
        else args = new Object[]{other, count};
        return I18n.tr(l, key, args);
    }
}
