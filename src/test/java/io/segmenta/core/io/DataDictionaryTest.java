package io.segmenta.core.io;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DataDictionaryTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void csvWithHeaderAndQuotedValues() throws IOException {
        Path p = file("dict.csv", "column,description\nage,Age in years\nincome,\"Annual income, EUR\"\n"
                + "note,\"Said \"\"hello\"\"\nand left\"\n");
        Map<String, String> m = DataDictionary.read(p);
        assertThat(m).containsExactly(entry("age", "Age in years"), entry("income", "Annual income, EUR"),
                entry("note", "Said \"hello\"\nand left"));
    }

    @Test
    void csvWithoutHeaderAndOtherDelimiters() throws IOException {
        assertThat(DataDictionary.read(file("a.csv", "age;Edad en años\r\nincome;Ingresos: anuales, EUR\r\n")))
                .containsExactly(entry("age", "Edad en años"), entry("income", "Ingresos: anuales, EUR"));
        assertThat(DataDictionary.read(file("b.tsv", "age\tAge, in years\nincome\tIncome - EUR\n")))
                .containsExactly(entry("age", "Age, in years"), entry("income", "Income - EUR"));
    }

    @Test
    void headerPicksTheDescriptionColumnAmongSeveral() throws IOException {
        Path p = file("c.csv", "Nombre;Tipo;Descripción\nedad;entero;Edad del cliente\nprovincia;texto;Código INE\n");
        assertThat(DataDictionary.read(p)).containsExactly(entry("edad", "Edad del cliente"), entry("provincia", "Código INE"));
    }

    @Test
    void plainTextLayouts() throws IOException {
        assertThat(DataDictionary.read(file("d.txt", "# customer table\nage: Age in years; 18-90\n\nincome: Income, EUR\n")))
                .containsExactly(entry("age", "Age in years; 18-90"), entry("income", "Income, EUR"));
        assertThat(DataDictionary.read(file("e.txt", "e-mail - Address, if any\nrecency_days – Days since the last order\n")))
                .containsExactly(entry("e-mail", "Address, if any"), entry("recency_days", "Days since the last order"));
        assertThat(DataDictionary.read(file("f.txt", "column: description\n\"open rate\": \"Share opened\"\n")))
                .containsExactly(entry("open rate", "Share opened"));
    }

    @Test
    void bomLaterLinesWinAndEmptyDescriptionsAreSkipped() throws IOException {
        Path p = dir.resolve("g.csv");
        Files.write(p, ("\uFEFFage,Old text\nage,New text\nid,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(DataDictionary.read(p)).containsExactly(entry("age", "New text"));
    }

    @Test
    void windows1252AndUtf16AreDecoded() throws IOException {
        Path p = dir.resolve("h.csv");
        Files.write(p, "edad;Edad en años\n".getBytes(Charset.forName("windows-1252")));
        assertThat(DataDictionary.read(p)).containsExactly(entry("edad", "Edad en años"));
        Path q = dir.resolve("i.csv");
        byte[] body = "edad;Año de alta\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(q, all);
        assertThat(DataDictionary.read(q)).containsExactly(entry("edad", "Año de alta"));
    }

    @Test
    void problemsNameTheFileAndLine() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> DataDictionary.read(missing)).isInstanceOf(UserException.class)
                .hasMessageContaining("not found").hasMessageContaining("nope.csv");
        assertThatThrownBy(() -> DataDictionary.read(dir)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("data.dictionary.notAFile");
        Path empty = file("empty.csv", "\n  \n");
        assertThatThrownBy(() -> DataDictionary.read(empty)).isInstanceOf(UserException.class)
                .hasMessageContaining("empty.csv").hasMessageContaining("no column descriptions");
        Path onlyHeader = file("header.csv", "column,description\n");
        assertThatThrownBy(() -> DataDictionary.read(onlyHeader)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("data.dictionary.empty");
        Path binary = dir.resolve("data.bin");
        Files.write(binary, new byte[]{'a', ',', 'b', 0, 1, 2, 3, '\n'});
        assertThatThrownBy(() -> DataDictionary.read(binary)).isInstanceOf(UserException.class)
                .hasMessageContaining("data.bin").hasMessageContaining("not a text file");
        Path bad = file("bad.txt", "age: Age\nincome: Income\njust some words\n");
        assertThatThrownBy(() -> DataDictionary.read(bad)).isInstanceOf(UserException.class)
                .hasMessageContaining("bad.txt").hasMessageContaining("line 3").hasMessageContaining("just some words");
        Path badCsv = file("bad.csv", "age,Age\n\"income\nspans\",Income\nlone\n");
        assertThatThrownBy(() -> DataDictionary.read(badCsv)).isInstanceOf(UserException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 4");
        Path unclosed = file("open.csv", "age,Age\nincome,\"Income\n");
        assertThatThrownBy(() -> DataDictionary.read(unclosed)).isInstanceOf(UserException.class)
                .hasMessageContaining("line 2").extracting(e -> ((UserException) e).key()).isEqualTo("data.dictionary.unclosedQuote");
        Path noSep = file("words.txt", "hello world\n");
        assertThatThrownBy(() -> DataDictionary.read(noSep)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("data.dictionary.noSeparator");
        Path noName = file("noname.csv", "age,Age\n,Orphan description\n");
        assertThatThrownBy(() -> DataDictionary.read(noName)).isInstanceOf(UserException.class)
                .hasMessageContaining("line 2").extracting(e -> ((UserException) e).key()).isEqualTo("data.dictionary.noName");
    }

    @Test
    void attachSetsKnownColumnsAndListsUnknownOnes() {
        Dataset d = new Dataset("t", List.of(new LongColumn("Age", new long[]{1}, null), StringColumn.of("id", false, "x"),
                StringColumn.of("city", false, "y")), Map.of("city", "Kept"));
        Map<String, String> dict = new LinkedHashMap<>();
        dict.put("age ", "Age in years");
        dict.put("id", "Identifier");
        dict.put("ghost", "Not there");
        DataDictionary.DictionaryResult r = DataDictionary.attach(d, dict);
        assertThat(r.applied()).containsExactly(entry("Age", "Age in years"), entry("id", "Identifier"));
        assertThat(r.unknownColumns()).containsExactly("ghost");
        assertThat(r.dataset().description("Age")).contains("Age in years");
        assertThat(r.dataset().description("id")).contains("Identifier");
        assertThat(r.dataset().description("city")).contains("Kept");
        assertThat(r.dataset().columnNames()).isEqualTo(d.columnNames());
    }

    @Test
    void attachPrefersExactNamesAndSkipsAmbiguousOnes() {
        Dataset d = new Dataset("t", List.of(StringColumn.of("Code", false, "a"), StringColumn.of("code", false, "b")));
        DataDictionary.DictionaryResult r = DataDictionary.attach(d, Map.of("code", "exact"));
        assertThat(r.applied()).containsExactly(entry("code", "exact"));
        DataDictionary.DictionaryResult amb = DataDictionary.attach(d, Map.of("CODE", "which?"));
        assertThat(amb.applied()).isEmpty();
        assertThat(amb.unknownColumns()).containsExactly("CODE");
    }
}
