package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SampleCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void writesTheFourFiles() throws IOException {
        Path target = dir.resolve("data");
        int code = run("sample", "--out", target.toString(), "--customers", "500", "--seed", "3");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Generated 500 customers").contains("seed 3").contains("customers.csv")
                .contains("transactions.csv").contains("provinces.csv").contains("README.txt");
        assertThat(Files.readAllLines(target.resolve("customers.csv"), StandardCharsets.UTF_8)).hasSize(501);
        assertThat(Files.readAllLines(target.resolve("provinces.csv"), StandardCharsets.UTF_8)).hasSize(53);
        assertThat(Files.size(target.resolve("transactions.csv"))).isGreaterThan(1000);
        assertThat(Files.readString(target.resolve("README.txt"))).contains("seed 3");

        byte[] first = Files.readAllBytes(target.resolve("customers.csv"));
        // regression: a second run (or --out '' in a data folder) silently replaced the files there
        assertThat(run("sample", "--out", target.toString(), "--customers", "50", "--seed", "9")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("customers.csv already exists").contains("--force");
        assertThat(Files.readAllBytes(target.resolve("customers.csv"))).isEqualTo(first);
        assertThat(run("sample", "--out", target.toString(), "--customers", "500", "--seed", "3", "--force")).isZero();
        assertThat(Files.readAllBytes(target.resolve("customers.csv"))).isEqualTo(first);
        assertThat(run("sample", "--out", "", "--customers", "10")).isEqualTo(SegmentaCli.EXIT_USAGE);
    }

    @Test
    void badArgumentsAreReported() throws IOException {
        assertThat(run("sample", "--out", dir.toString(), "--customers", "0")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("between 1 and");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(run("sample", "--out", file.toString(), "--customers", "10")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("is a file");
        // Usage errors are picocli's: non-zero and named (the exact code is SegmentaCli's mapping).
        assertThat(run("sample")).isNotZero();
        assertThat(err.toString()).contains("Missing required option");
    }
}
