package io.segmenta.core.io;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImporterTest {
    @TempDir
    Path dir;

    private Path write(String name, String content, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content, StandardCharsets.UTF_8);
    }

    private static ImportResult imp(Path p) {
        return CsvImporter.importFiles(ImportRequest.of(p), TaskContext.NONE);
    }

    private static ImportResult imp(Path p, CsvOptions o) {
        return CsvImporter.importFiles(ImportRequest.of(p, o), TaskContext.NONE);
    }

    @Test
    void commaSeparatedWithTypes() throws IOException {
        Path p = write("c.csv", "id,name,age,income,member,joined\n1,Ana,34,1200.50,yes,2020-01-31\n2,Luis,45,,no,2021-12-01\n3,Eva,NA,980.25,yes,2022-06-15\n");
        ImportResult r = imp(p);
        Dataset d = r.dataset();
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(r.settings().delimiter()).isEqualTo(',');
        assertThat(r.settings().header()).isTrue();
        assertThat(d.column("id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(d.column("age").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(d.column("age").isMissing(2)).isTrue();
        assertThat(d.column("income").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(((DoubleColumn) d.column("income")).getDouble(0)).isEqualTo(1200.50);
        assertThat(d.column("income").isMissing(1)).isTrue();
        assertThat(d.column("member")).isInstanceOf(BooleanColumn.class);
        assertThat(((BooleanColumn) d.column("member")).getBoolean(0)).isTrue();
        assertThat(d.column("joined").get(0)).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(d.column("name").type()).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(d.column("id").idLike()).isTrue();
        assertThat(d.column("age").idLike()).isFalse();
        assertThat(r.sources().get(0).sha256()).hasSize(64);
    }

    @Test
    void semicolonDecimalCommaAndThousandsDot() throws IOException {
        Path p = write("es.csv", "cliente;provincia;importe;fecha\nC1;Cádiz;1.234,56;31/01/2020\nC2;Logroño;12,5;01/02/2021\nC3;Madrid;-3,75;13/12/2022\n");
        ImportResult r = imp(p);
        assertThat(r.settings().delimiter()).isEqualTo(';');
        assertThat(r.settings().decimal()).isEqualTo(',');
        Dataset d = r.dataset();
        DoubleColumn imp = (DoubleColumn) d.column("importe");
        assertThat(imp.getDouble(0)).isEqualTo(1234.56);
        assertThat(imp.getDouble(1)).isEqualTo(12.5);
        assertThat(imp.getDouble(2)).isEqualTo(-3.75);
        assertThat(d.column("fecha").get(1)).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(r.settings().dateFormats().get("fecha")).isEqualTo("dd/MM/yyyy");
        assertThat(((StringColumn) d.column("provincia")).getString(0)).isEqualTo("Cádiz");
        assertThat(((StringColumn) d.column("provincia")).getString(1)).isEqualTo("Logroño");
    }

    @Test
    void tabAndPipeDelimiters() throws IOException {
        assertThat(imp(write("t.tsv", "a\tb\tc\n1\t2\t3\n4\t5\t6\n")).settings().delimiter()).isEqualTo('\t');
        ImportResult r = imp(write("p.txt", "a|b|c\n1|x|3\n4|y|6\n"));
        assertThat(r.settings().delimiter()).isEqualTo('|');
        assertThat(r.dataset().column("c").type()).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void windows1252AndLatin1KeepAccents() throws IOException {
        String text = "provincia;poblacion\nCádiz;1240155\nLogroño;150876\nA Coruña;1120134\n";
        ImportResult r = imp(write("w.csv", text, Charset.forName("windows-1252")));
        assertThat(r.settings().encoding()).isEqualTo("windows-1252");
        StringColumn c = (StringColumn) r.dataset().column("provincia");
        assertThat(c.getString(0)).isEqualTo("Cádiz");
        assertThat(c.getString(1)).isEqualTo("Logroño");
        ImportResult r2 = imp(write("l.csv", text, StandardCharsets.ISO_8859_1));
        assertThat(((StringColumn) r2.dataset().column("provincia")).getString(2)).isEqualTo("A Coruña");
    }

    @Test
    void utf8BomAndUtf16Bom() throws IOException {
        Path p = dir.resolve("bom.csv");
        byte[] body = "name,n\nCádiz,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(p, withBom);
        ImportResult r = imp(p);
        assertThat(r.settings().bom()).isTrue();
        assertThat(r.dataset().columnNames()).containsExactly("name", "n");
        assertThat(((StringColumn) r.dataset().column("name")).getString(0)).isEqualTo("Cádiz");

        Path u16 = dir.resolve("u16.csv");
        Files.write(u16, "name;n\nLogroño;2\nCádiz;3\n".getBytes(StandardCharsets.UTF_16)); // BE with BOM
        ImportResult r16 = imp(u16);
        assertThat(r16.settings().encoding()).startsWith("UTF-16");
        assertThat(((StringColumn) r16.dataset().column("name")).getString(0)).isEqualTo("Logroño");

        Path le = dir.resolve("u16le.csv");
        byte[] leBody = "name;n\nLogroño;2\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] leBom = new byte[leBody.length + 2];
        leBom[0] = (byte) 0xFF; leBom[1] = (byte) 0xFE;
        System.arraycopy(leBody, 0, leBom, 2, leBody.length);
        Files.write(le, leBom);
        assertThat(((StringColumn) imp(le).dataset().column("name")).getString(0)).isEqualTo("Logroño");
    }

    @Test
    void quotingEmbeddedDelimitersNewlinesAndEscapedQuotes() throws IOException {
        Path p = write("q.csv", "id,comment,amount\n1,\"Hello, world\",10\n2,\"multi\nline\",20\n3,\"say \"\"hi\"\"\",30\n4,  spaced  ,40\n");
        ImportResult r = imp(p);
        StringColumn c = (StringColumn) r.dataset().column("comment");
        assertThat(c.getString(0)).isEqualTo("Hello, world");
        assertThat(c.getString(1)).isEqualTo("multi\nline");
        assertThat(c.getString(2)).isEqualTo("say \"hi\"");
        assertThat(c.getString(3)).isEqualTo("spaced");
        assertThat(((LongColumn) r.dataset().column("amount")).getLong(3)).isEqualTo(40);
    }

    @Test
    void booleansInSpanishAndYN() throws IOException {
        ImportResult r = imp(write("b.csv", "a;b;c\nsí;Y;TRUE\nno;N;false\nSi;y;True\n"));
        assertThat(r.dataset().column("a").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(r.dataset().column("b").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(r.dataset().column("c").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(((BooleanColumn) r.dataset().column("a")).getBoolean(2)).isTrue();
        assertThat(((BooleanColumn) r.dataset().column("b")).getBoolean(1)).isFalse();
    }

    /**
     * Regression: Online Retail's Invoice column (numbers, and "C489440" for a cancellation) was read as
     * integers, and every cancelled invoice number became a missing value.
     */
    @Test
    void numbersWithAFewCodesAreCodesButDirtyNumbersStayNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("Invoice,Quantity,Early\n");
        for (int i = 0; i < 6000; i++) {
            boolean cancelled = i > 2500 && i % 700 == 0;
            csv.append(cancelled ? "C" : "").append(489000 + i).append(',')
                    .append(i % 997 == 0 ? "N/A" : Integer.toString(i % 12 + 1)).append(',')
                    .append(i == 10 ? "A563185" : Integer.toString(563000 + i)).append('\n');
        }
        ImportResult r = imp(write("retail.csv", csv.toString()));
        Column invoice = r.dataset().column("Invoice");
        assertThat(invoice.type()).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(invoice.missingCount()).isZero();
        assertThat(invoice.format(2800)).isEqualTo("C491800");
        assertThat(r.dataset().column("Early").format(10)).isEqualTo("A563185");
        // a dirty number is still a number
        assertThat(r.dataset().column("Quantity").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(r.dataset().column("Quantity").missingCount()).isEqualTo(7);
        assertThat(TypeInference.looksLikeCode("INV-0042")).isTrue();
        assertThat(TypeInference.looksLikeCode("N/A")).isFalse();
        assertThat(TypeInference.looksLikeCode("12kg")).isFalse();
        assertThat(TypeInference.looksLikeCode("E12")).as("an exponent's remains, not a code").isFalse();
    }

    /**
     * Regression: date-times written back gained seconds ("07/11/2020 12:46" → "07/11/2020 12:46:00") and lost
     * ISO's 'T'; each column's layout now keeps how the file wrote its time.
     */
    @Test
    void dateTimeLayoutsKeepTheFilesTimeStyle() throws IOException {
        ImportResult r = imp(write("dt.csv", "a;b;c;d\n07/11/2020 12:46;2021-04-14T04:53:28;2021-04-14 04:53:28;2023-06-10T06:16:43.109Z\n"
                + "13/11/2020 08:05;2021-05-01T10:00:00;2021-05-01 10:00:00;2023-06-11T00:00:00.000Z\n"));
        assertThat(r.settings().dateFormats()).containsEntry("a", "dd/MM/yyyy HH:mm")
                .containsEntry("b", "yyyy-MM-dd'T'HH:mm:ss").containsEntry("c", "yyyy-MM-dd HH:mm:ss")
                .containsEntry("d", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        String back = CsvWriter.toCsv(r.dataset(), CsvWriter.Options.like(r.settings()));
        assertThat(back).isEqualTo("a;b;c;d\n07/11/2020 12:46;2021-04-14T04:53:28;2021-04-14 04:53:28;2023-06-10T06:16:43.109Z\n"
                + "13/11/2020 08:05;2021-05-01T10:00:00;2021-05-01 10:00:00;2023-06-11T00:00:00.000Z\n");
    }

    /** Regression: "8.565e-07" in a decimal-comma file was read as 8,565 thousand × 10⁻⁷ (1,000 times too large). */
    @Test
    void scientificNotationInADecimalCommaFileKeepsItsPoint() throws IOException {
        ImportResult r = imp(write("sci.csv", "id;x;y\n1;8.565e-07;1.234,5\n2;1,5e3;2.000,25\n3;2.5E+2;7,5\n"));
        assertThat(r.dataset().column("x").getDouble(0)).isEqualTo(8.565e-07);
        assertThat(r.dataset().column("x").getDouble(1)).isEqualTo(1500.0);
        assertThat(r.dataset().column("x").getDouble(2)).isEqualTo(250.0);
        assertThat(r.dataset().column("y").getDouble(0)).isEqualTo(1234.5);
    }

    /** Regression: amounts written with their currency ("12,50 €", "€ 3.20") were read as text. */
    @Test
    void amountsWithACurrencySignAreNumbers() throws IOException {
        ImportResult es = imp(write("eur.csv", "id;importe;precio\n1;12,50 €;€ 3,20\n2;7,00 €;-€ 1,10\n3;1.234,56 €;€ 2,00\n"));
        assertThat(es.dataset().column("importe").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(es.dataset().column("importe").getDouble(2)).isEqualTo(1234.56);
        assertThat(es.dataset().column("precio").getDouble(1)).isEqualTo(-1.10);
        ImportResult us = imp(write("usd.csv", "id,amount\n1,$1234.56\n2,$7\n3,£12.5\n"));
        assertThat(us.dataset().column("amount").getDouble(0)).isEqualTo(1234.56);
        assertThat(us.dataset().column("amount").getDouble(2)).isEqualTo(12.5);
        // a sign alone, or on both sides, is not an amount
        ImportResult odd = imp(write("odd.csv", "id,x\n1,$\n2,$5$\n3,abc\n"));
        assertThat(odd.dataset().column("x").type()).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
    }

    /** Regression: a phone number or a 20-digit id far past the rows the types are guessed from lost its '+' or digits. */
    @Test
    void textInDisguisePastTheSampleMakesTheColumnText() throws IOException {
        StringBuilder csv = new StringBuilder("phone,ref,amount\n");
        for (int i = 0; i < 20_000; i++) {
            boolean late = i == 19_990;
            csv.append(late ? "+34600111222" : Integer.toString(600_000_000 + i)).append(',')
                    .append(late ? "12345678901234587880" : Long.toString(1_000_000L + i)).append(',')
                    .append(i % 100).append('\n');
        }
        Dataset d = imp(write("late.csv", csv.toString())).dataset();
        assertThat(d.column("phone").format(19_990)).isEqualTo("+34600111222");
        assertThat(d.column("ref").format(19_990)).isEqualTo("12345678901234587880");
        assertThat(d.column("amount").type()).isEqualTo(ColumnType.INTEGER);
    }

    /** Regression: 20-digit ids were read as decimals and lost their last digits (…567890 → …567000). */
    @Test
    void integersTooLongFor64BitsAreCodes() throws IOException {
        StringBuilder csv = new StringBuilder("id,n\n");
        for (int i = 0; i < 100; i++) csv.append("1234567890123456789").append(i % 10).append(',').append(i).append('\n');
        ImportResult r = imp(write("big.csv", csv.toString()));
        assertThat(r.dataset().column("id").type()).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(r.dataset().column("id").format(7)).isEqualTo("12345678901234567897");
        assertThat(r.dataset().column("n").type()).isEqualTo(ColumnType.INTEGER);
        // international phone numbers keep their '+'
        ImportResult phones = imp(write("phones.csv", "phone,delta\n+34600111222,+5\n+34600111333,-2\n+44207946000,+1\n"));
        assertThat(phones.dataset().column("phone").format(0)).isEqualTo("+34600111222");
        assertThat(phones.dataset().column("delta").type()).isEqualTo(ColumnType.INTEGER);
    }

    /** Regression: a UTF-8 BOM in front of windows-1252 text gave "c\uFFFDdigo" and no warning. */
    @Test
    void aUtf8MarkInFrontOfWindows1252TextIsReadAsWindows1252WithAWarning() throws IOException {
        byte[] text = "código;respuesta;ciudad\n1;sí;Córdoba\n2;no;Almería\n".getBytes(Charset.forName("windows-1252"));
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Path p = dir.resolve("bom1252.csv");
        Files.write(p, withBom);
        ImportResult r = imp(p);
        assertThat(r.dataset().columnNames()).containsExactly("código", "respuesta", "ciudad");
        assertThat(r.dataset().column("ciudad").format(0)).isEqualTo("Córdoba");
        assertThat(r.dataset().column("respuesta").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w).contains("bom1252.csv").contains("BOM").contains("windows-1252"));
        // a real UTF-8 file with its BOM: no warning
        ImportResult utf8 = imp(write("bom8.csv", "\uFEFFcódigo;ciudad\n1;Córdoba\n"));
        assertThat(utf8.dataset().column("ciudad").format(0)).isEqualTo("Córdoba");
        assertThat(utf8.report().warnings()).isEmpty();
    }

    @Test
    void yesNoColumnsKeepTheFilesWordsForWritingBack() throws IOException {
        // regression: every true/false column was written back (scored files, campaign lists) as true/false
        StringBuilder csv = new StringBuilder("partner;socio;alta;flag\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 3 == 0 ? "Yes" : "No").append(';').append(i % 2 == 0 ? "S" : "N").append(';')
                    .append(i == 5 ? "sí" : "Sí").append(';').append(i % 4 == 0 ? "TRUE" : "FALSE").append('\n');
        }
        ImportResult result = imp(write("yn.csv", csv.toString()));
        Dataset d = result.dataset();
        // "alta" writes yes two ways: it is said, not done silently
        assertThat(result.report().warnings()).containsExactly(
                "Column alta writes yes and no in several ways (\"Sí\", \"sí\"); it is read as yes/no and written back as Sí and No.");
        BooleanColumn partner = (BooleanColumn) d.column("partner");
        assertThat(partner.format(0)).isEqualTo("Yes");
        assertThat(partner.format(1)).isEqualTo("No");
        assertThat(((BooleanColumn) d.column("socio")).format(1)).isEqualTo("N");
        BooleanColumn alta = (BooleanColumn) d.column("alta");
        // only true values: the most frequent spelling, and its partner in the same case for false
        assertThat(alta.trueLabel()).isEqualTo("Sí");
        assertThat(alta.falseLabel()).isEqualTo("No");
        assertThat(((BooleanColumn) d.column("flag")).format(1)).isEqualTo("FALSE");
        assertThat(CsvWriter.toCsv(d, CsvWriter.Options.defaults().withDelimiter(';'))).startsWith("partner;socio;alta;flag\nYes;S;Sí;TRUE\nNo;N;Sí;FALSE\n");
        assertThat(partner.truthOf("yes")).isTrue();
        assertThat(partner.truthOf("NO")).isFalse();
        assertThat(partner.truthOf("maybe")).isNull();
    }

    @Test
    void dateFormats() throws IOException {
        String csv = "iso,dmy,dmydash,compact,mdy,dt,isoT\n"
                + "2020-01-31,31/01/2020,31-01-2020,20200131,01/31/2020,2020-01-31 13:45:10,2020-01-31T13:45:10Z\n"
                + "2021-02-28,28/02/2021,28-02-2021,20210228,02/28/2021,2021-02-28 00:00:00,2021-02-28T00:00:00Z\n"
                + "2022-12-01,01/12/2022,01-12-2022,20221201,12/01/2022,2022-12-01 23:59:59,2022-12-01T23:59:59+01:00\n";
        Dataset d = imp(write("d.csv", csv)).dataset();
        LocalDate jan31 = LocalDate.of(2020, 1, 31);
        for (String c : List.of("iso", "dmy", "dmydash", "compact", "mdy")) {
            assertThat(d.column(c)).as(c).isInstanceOf(DateColumn.class);
            assertThat(d.column(c).get(0)).as(c).isEqualTo(jan31);
        }
        assertThat(d.column("mdy").get(2)).isEqualTo(LocalDate.of(2022, 12, 1));
        assertThat(d.column("dt")).isInstanceOf(DateTimeColumn.class);
        assertThat(d.column("dt").get(0)).isEqualTo(LocalDateTime.of(2020, 1, 31, 13, 45, 10));
        assertThat(d.column("isoT").get(2)).isEqualTo(LocalDateTime.of(2022, 12, 1, 22, 59, 59));
    }

    @Test
    void ambiguousDatesAreDayFirstUnlessToldOtherwise() throws IOException {
        Path p = write("amb.csv", "d\n03/04/2020\n05/06/2021\n");
        assertThat(imp(p).dataset().column("d").get(0)).isEqualTo(LocalDate.of(2020, 4, 3));
        assertThat(imp(p, CsvOptions.detect().withDayFirst(false)).dataset().column("d").get(0)).isEqualTo(LocalDate.of(2020, 3, 4));
    }

    @Test
    void missingTokensDefaultAndPerColumn() throws IOException {
        Path p = write("m.csv", "job,age,x\nadmin,30,NULL\nunknown,N/A,?\nservices,,null\nunknown,40,n/a\n");
        ImportResult r = imp(p);
        assertThat(r.dataset().column("age").missingCount()).isEqualTo(2);
        assertThat(r.dataset().column("x").missingCount()).isEqualTo(4);
        assertThat(r.dataset().column("job").missingCount()).isZero();
        ImportResult r2 = imp(p, CsvOptions.detect().withColumnMissingTokens(Map.of("job", Set.of("unknown"))));
        assertThat(r2.dataset().column("job").missingCount()).isEqualTo(2);
        assertThat(r2.settings().columnMissingTokens()).containsKey("job");
    }

    @Test
    void dirtyValuesBecomeMissingAndAreReportedWithLines() throws IOException {
        StringBuilder sb = new StringBuilder("id,amount\n");
        for (int i = 1; i <= 200; i++) sb.append(i).append(',').append(i == 57 ? "n/d" : String.valueOf(i * 2)).append('\n');
        ImportResult r = imp(write("dirty.csv", sb.toString()));
        assertThat(r.dataset().column("amount").type()).isEqualTo(ColumnType.INTEGER);
        ImportReport.ColumnReport cr = r.report().columns().get(1);
        assertThat(cr.coerced()).isEqualTo(1);
        assertThat(cr.coercedExamples().get(0).line()).isEqualTo(58);
        assertThat(cr.coercedExamples().get(0).value()).isEqualTo("n/d");
        assertThat(r.dataset().column("amount").isMissing(56)).isTrue();
    }

    @Test
    void aNumberBeyondTheDoubleRangeIsUnreadableLikeInfinityNotInfinite() throws IOException {
        // regression: 1e400 was stored as +Infinity (while the text "Infinity" became missing), so profiles
        // showed max inf and no mean
        StringBuilder sb = new StringBuilder("id,amount\n");
        for (int i = 1; i <= 200; i++) {
            sb.append(i).append(',').append(i == 20 ? "1e400" : i == 30 ? "-2.5E999" : i == 40 ? "1e308" : i * 1.5 + "").append('\n');
        }
        ImportResult r = imp(write("huge.csv", sb.toString()));
        DoubleColumn c = (DoubleColumn) r.dataset().column("amount");
        assertThat(c.isMissing(19)).isTrue();
        assertThat(c.isMissing(29)).isTrue();
        assertThat(c.getDouble(39)).isEqualTo(1e308);
        for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) assertThat(Double.isFinite(c.getDouble(i))).isTrue();
        ImportReport.ColumnReport cr = r.report().columns().get(1);
        assertThat(cr.coerced()).isEqualTo(2);
        assertThat(cr.coercedExamples().get(0).line()).isEqualTo(21);
        assertThat(cr.coercedExamples().get(0).value()).isEqualTo("1e400");
    }

    @Test
    void integersPromoteToDecimalsWithoutLoss() throws IOException {
        StringBuilder sb = new StringBuilder("v\n");
        for (int i = 0; i < 5000; i++) sb.append(i).append('\n');
        sb.append("2.5\n");
        ImportResult r = imp(write("promo.csv", sb.toString()));
        assertThat(r.dataset().column("v")).isInstanceOf(DoubleColumn.class);
        assertThat(r.dataset().column("v").getDouble(5000)).isEqualTo(2.5);
        assertThat(r.report().totalCoerced()).isZero();
    }

    @Test
    void mostlyTextLaterInFileIsRetypedNotLost() throws IOException {
        StringBuilder sb = new StringBuilder("code\n");
        for (int i = 0; i < 3000; i++) sb.append(i).append('\n');
        for (int i = 0; i < 3000; i++) sb.append("X").append(i).append('\n');
        ImportResult r = imp(write("late.csv", sb.toString()));
        assertThat(r.dataset().column("code").type()).isEqualTo(ColumnType.TEXT); // 6,000 distinct values
        assertThat(r.dataset().column("code").missingCount()).isZero();
        assertThat(r.report().totalCoerced()).isZero();
        assertThat(r.dataset().column("code").format(5999)).isEqualTo("X2999");
    }

    @Test
    void leadingZerosStayCodes() throws IOException {
        ImportResult r = imp(write("z.csv", "province_code,n\n02,1\n28,2\n08,3\n02,4\n28,5\n02,6\n"));
        assertThat(r.dataset().column("province_code").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(r.dataset().column("province_code").format(0)).isEqualTo("02");
    }

    @Test
    void raggedRowsAreRejectedWithLineAndReason() throws IOException {
        ImportResult r = imp(write("rag.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,\n"));
        assertThat(r.dataset().rowCount()).isEqualTo(2);
        assertThat(r.report().rejectedCount()).isEqualTo(2);
        assertThat(r.report().rejected().get(0).line()).isEqualTo(3);
        assertThat(r.report().rejected().get(0).reason()).contains("3").contains("2");
        assertThat(r.report().rejected().get(1).line()).isEqualTo(4);
        assertThat(r.report().rowsRead()).isEqualTo(4);
    }

    @Test
    void lineNumbersCountQuotedLineBreaks() throws IOException {
        ImportResult r = imp(write("ln.csv", "a,b\n1,\"x\ny\"\n2,3\n4\n"));
        assertThat(r.report().rejected()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(5));
    }

    @Test
    void unclosedQuoteNamesLineAndColumn() throws IOException {
        Path p = write("uq.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
        assertThatThrownBy(() -> imp(p)).isInstanceOf(UserException.class)
                .hasMessageContaining("uq.csv").hasMessageContaining("line 3").hasMessageContaining("column 2");
    }

    @Test
    void emptyHeaderOnlyBinaryMissingAndDirectory() throws IOException {
        assertThatThrownBy(() -> imp(write("e.csv", ""))).isInstanceOf(UserException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> imp(write("ws.csv", "\n\n  \n"))).isInstanceOf(UserException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> imp(write("h.csv", "a,b,c\n"))).isInstanceOf(UserException.class).hasMessageContaining("no data rows");
        Path bin = dir.resolve("b.bin");
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        Files.write(bin, junk);
        assertThatThrownBy(() -> imp(bin)).isInstanceOf(UserException.class).hasMessageContaining("text file");
        Path zip = dir.resolve("x.xlsx");
        Files.write(zip, new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> imp(zip)).isInstanceOf(UserException.class).hasMessageContaining("Excel");
        assertThatThrownBy(() -> imp(dir.resolve("nope.csv"))).isInstanceOf(UserException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> imp(dir)).isInstanceOf(UserException.class).hasMessageContaining("folder");
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = write("secret.csv", "a\n1\n");
        if (!p.toFile().setReadable(false) || Files.isReadable(p)) return; // running as root: cannot test
        assertThatThrownBy(() -> imp(p)).isInstanceOf(UserException.class).hasMessageContaining("permission");
    }

    @Test
    void duplicateAndBlankHeadersAreRenamedWithWarnings() throws IOException {
        ImportResult r = imp(write("dup.csv", "name,name,,x\na,b,c,1\nd,e,f,2\n"));
        assertThat(r.dataset().columnNames()).containsExactly("name", "name_2", "column_3", "x");
        assertThat(r.report().warnings()).hasSize(2);
        assertThat(r.report().warnings().get(0)).contains("line 1").contains("column 2");
    }

    @Test
    void anEncodingChosenByTheUserThatDoesNotFitTheBytesIsSaid() throws IOException {
        Charset w1252 = Charset.forName("windows-1252");
        Path utf8 = write("u8.csv", "name,city\nJosé,Cádiz\nAna,León\n");
        // UTF-16 on a file without a single zero byte: refused with what it looks like (was "no data rows")
        assertThatThrownBy(() -> imp(utf8, CsvOptions.detect().withEncoding(StandardCharsets.UTF_16)))
                .isInstanceOf(UserException.class).hasMessageContaining("u8.csv cannot be UTF-16").hasMessageContaining("looks like UTF-8");
        // bytes the chosen encoding cannot read: counted, not imported silently as replacement characters
        ImportResult ascii = imp(utf8, CsvOptions.detect().withEncoding(StandardCharsets.US_ASCII));
        assertThat(ascii.report().warnings()).anySatisfy(w -> assertThat(w)
                .contains("u8.csv is not valid US-ASCII: 6 byte sequences could not be read").contains("It looks like UTF-8"));
        // valid UTF-8 read as windows-1252 turns é into Ã©: a warning names the likely encoding
        ImportResult latin = imp(utf8, CsvOptions.detect().withEncoding(w1252));
        assertThat(((StringColumn) latin.dataset().column("name")).getString(0)).isEqualTo("JosÃ©");
        assertThat(latin.report().warnings()).anySatisfy(w -> assertThat(w).contains("was read as windows-1252, as asked, but it looks like UTF-8"));
        Path cp = write("w.csv", "name,city\nJosé,Cádiz\nAna,León\n", w1252);
        assertThat(imp(cp, CsvOptions.detect().withEncoding(StandardCharsets.UTF_8)).report().warnings())
                .anySatisfy(w -> assertThat(w).contains("w.csv is not valid UTF-8: 3 byte sequences").contains("It looks like windows-1252"));
        // the right choice says nothing
        assertThat(imp(cp, CsvOptions.detect().withEncoding(w1252)).report().warnings()).isEmpty();
        Path le = write("le.csv", "name,city\nJosé,Cádiz\n", StandardCharsets.UTF_16LE);
        ImportResult u16 = imp(le, CsvOptions.detect().withEncoding(StandardCharsets.UTF_16LE));
        assertThat(u16.report().warnings()).isEmpty();
        assertThat(((StringColumn) u16.dataset().column("city")).getString(0)).isEqualTo("Cádiz");
        // a UTF-16 file read as UTF-8 would put zero bytes in every name and value: refused
        assertThatThrownBy(() -> imp(le, CsvOptions.detect().withEncoding(StandardCharsets.UTF_8)))
                .isInstanceOf(UserException.class).hasMessageContaining("le.csv cannot be read as UTF-8: it is UTF-16LE");
        // several files: each one is checked against the chosen encoding, not only the first
        ImportResult two = CsvImporter.importFiles(new ImportRequest(List.of(utf8, cp), "both", CsvOptions.detect()
                .withEncoding(StandardCharsets.UTF_8), "source_file", null), TaskContext.NONE);
        assertThat(two.report().warnings()).anySatisfy(w -> assertThat(w).contains("w.csv is not valid UTF-8"));
    }

    @Test
    void aMadeUpHeaderNeverTakesANameTheFileUses() throws IOException {
        // the file's own a_2 and column_2 keep their names; the repeated a and the blank header get free ones
        ImportResult r = imp(write("dup2.csv", "a,a,a_2,,column_4,column_2\n1,2,3,4,5,6\n"));
        assertThat(r.dataset().columnNames()).containsExactly("a", "a_3", "a_2", "column_4_2", "column_4", "column_2");
        assertThat(r.dataset().column("a_2").getDouble(0)).isEqualTo(3.0);
        assertThat(r.report().warnings()).hasSize(2);
    }

    @Test
    void headerlessNumericFileIsDetected() throws IOException {
        ImportResult r = imp(write("nohead.txt", "0001 00001 19970101 1 11.77\n0001 00001 19970118 2 29.33\n0002 00002 19970112 5 77.00\n"));
        assertThat(r.settings().header()).isFalse();
        assertThat(r.settings().delimiter()).isEqualTo(' ');
        assertThat(r.dataset().rowCount()).isEqualTo(3);
        assertThat(r.dataset().column("column_3").get(0)).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThat(r.dataset().column("column_5").getDouble(1)).isEqualTo(29.33);
    }

    @Test
    void userOverridesWin() throws IOException {
        Path p = write("o.csv", "a;b\n1;2\n3;4\n");
        ImportResult r = imp(p, CsvOptions.detect().withColumnTypes(Map.of("a", ColumnType.TEXT)));
        assertThat(r.dataset().column("a").type()).isEqualTo(ColumnType.TEXT);
        ImportResult r2 = imp(p, CsvOptions.detect().withHeader(false));
        assertThat(r2.dataset().rowCount()).isEqualTo(3);
        assertThat(r2.dataset().column("column_1").type()).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
    }

    @Test
    void crlfAndMissingFinalNewline() throws IOException {
        ImportResult r = imp(write("crlf.csv", "a,b\r\n1,2\r\n3,4"));
        assertThat(r.dataset().rowCount()).isEqualTo(2);
        assertThat(((LongColumn) r.dataset().column("b")).getLong(1)).isEqualTo(4);
    }

    @Test
    void partitionsAddSourceColumnAndRejectDifferentColumns() throws IOException {
        Path a = write("sales_2018-01-28.csv", "id;amount\n1;10,5\n2;20\n");
        Path b = write("sales_2018-02-28.csv", "id;amount\n3;7,25\n");
        ImportResult r = CsvImporter.importFiles(new ImportRequest(List.of(a, b), "sales", CsvOptions.detect(), null, null), TaskContext.NONE);
        assertThat(r.dataset().rowCount()).isEqualTo(3);
        assertThat(r.dataset().column("source_file").format(2)).isEqualTo("sales_2018-02-28.csv");
        assertThat(r.dataset().column("amount").getDouble(2)).isEqualTo(7.25);
        assertThat(r.sources()).hasSize(2);
        Path c = write("sales_bad.csv", "id;total\n4;1\n");
        assertThatThrownBy(() -> CsvImporter.importFiles(new ImportRequest(List.of(a, c), "s", CsvOptions.detect(), null, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("sales_bad.csv").hasMessageContaining("amount").hasMessageContaining("total");
    }

    @Test
    void previewShowsSettingsColumnsAndRows() throws IOException {
        Path p = write("pv.csv", "id;importe;fecha\n1;1,5;01/02/2020\n2;2,5;03/02/2020\n3;3;04/02/2020\n");
        CsvPreview pv = CsvImporter.preview(p, CsvOptions.detect(), 2);
        assertThat(pv.settings().delimiter()).isEqualTo(';');
        assertThat(pv.settings().decimal()).isEqualTo(',');
        assertThat(pv.rows()).hasSize(2);
        assertThat(pv.rows().get(0)).containsExactly("1", "1,5", "01/02/2020");
        assertThat(pv.columns().get(1).type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(pv.columns().get(2).type()).isEqualTo(ColumnType.DATE);
        assertThat(pv.columns().get(2).dateFormat()).isEqualTo("dd/MM/yyyy");
    }

    @Test
    void largeFileParsesInParallelChunksWithQuotedNewlinesAcrossSplits() throws IOException {
        StringBuilder sb = new StringBuilder("id,text,v\n");
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',');
            if (i % 7 == 0) sb.append("\"line one\nline two, with comma\"");
            else sb.append("plain ").append(i % 100);
            sb.append(',').append(i % 1000).append('.').append(i % 10).append('\n');
        }
        ImportResult r = imp(write("big.csv", sb.toString()));
        assertThat(r.dataset().rowCount()).isEqualTo(n);
        assertThat(r.report().rejectedCount()).isZero();
        StringColumn t = (StringColumn) r.dataset().column("text");
        assertThat(t.getString(0)).isEqualTo("line one\nline two, with comma");
        assertThat(t.getString(n - 1)).isEqualTo("plain " + ((n - 1) % 100));
        assertThat(((LongColumn) r.dataset().column("id")).getLong(n - 1)).isEqualTo(n - 1);
        assertThat(r.dataset().column("id").idLike()).isTrue();
    }

    @Test
    void cancellationStopsTheImport() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 400_000; i++) sb.append(i).append(',').append(i).append('\n');
        Path p = write("cancel.csv", sb.toString());
        TaskContext cancelled = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return true; }
        };
        assertThatThrownBy(() -> CsvImporter.importFiles(ImportRequest.of(p), cancelled)).isInstanceOf(CancelledException.class);
    }

    @Test
    void dataDictionaryDescriptionsAreAttached() throws IOException {
        Path p = write("dd.csv", "age;income\n30;1000\n40;2000\n");
        Path dict = write("dict.csv", "column,description\nage,Age in years\nincome,Yearly income in EUR\nghost,Not there\n");
        ImportResult r = CsvImporter.importFiles(new ImportRequest(List.of(p), null, CsvOptions.detect(), null, dict), TaskContext.NONE);
        assertThat(r.dataset().description("income")).contains("Yearly income in EUR");
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w).contains("ghost"));
    }

    @Test
    void mostlyUtf8WithOneBrokenByteKeepsAccentsAndWarns() throws IOException {
        StringBuilder sb = new StringBuilder("provincia;n\n");
        for (int i = 0; i < 30; i++) sb.append("Cádiz;").append(i).append('\n');
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 4];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = 'X'; bad[good.length + 1] = (byte) 0xE9; bad[good.length + 2] = ';'; bad[good.length + 3] = '9';
        Path p = dir.resolve("broken.csv");
        Files.write(p, bad);
        ImportResult r = imp(p);
        assertThat(r.settings().encoding()).isEqualTo("UTF-8");
        assertThat(((StringColumn) r.dataset().column("provincia")).getString(0)).isEqualTo("Cádiz");
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w).contains("invalid byte"));
    }

    @Test
    void singleColumnOfNamesIsNotSplitOnSpaces() throws IOException {
        ImportResult r = imp(write("names.csv", "full name\nAna García López\nLuis Pérez\nEva María Ruiz Sanz\n"));
        assertThat(r.dataset().columnCount()).isEqualTo(1);
        assertThat(r.dataset().column(0).format(0)).isEqualTo("Ana García López");
    }
}
