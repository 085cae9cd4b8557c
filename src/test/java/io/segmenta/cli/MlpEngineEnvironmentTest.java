package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PyTorch engine is loaded once per process and reads its environment, so these run {@code train} in a child
 * process with the environment a user could have.
 */
class MlpEngineEnvironmentTest {
    @TempDir Path dir;

    /** PYTORCH_VERSION naming a libtorch DJL does not ship: DJL would download it; one sentence, exit 3. */
    @Test
    void aLibtorchDjlWouldDownloadIsRefusedInOneSentence() throws Exception {
        Path csv = dir.resolve("c.csv");
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) b.append(i % 17).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        Files.writeString(csv, b.toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-Duser.language=en", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.segmenta.Main",
                "train", csv.toString(), "--target", "y", "--algorithm", "mlp", "--epochs", "1");
        pb.environment().put("PYTORCH_VERSION", "9.9.9");
        pb.environment().put("DJL_CACHE_DIR", dir.resolve("djl").toString());
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().put("LANG", "en_US.UTF-8");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try {
            out = read(p);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(out).isEqualTo(3);
        assertThat(out).contains("would download one", "PYTORCH_LIBRARY_PATH = not set", "PYTORCH_VERSION = 9.9.9", "README")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(dir.resolve("djl"))).as("nothing is fetched").satisfiesAnyOf(
                e -> assertThat(e).isFalse(), e -> assertThat(dir.resolve("djl")).isEmptyDirectory());
    }

    /** A bad PYTORCH_VERSION names the variable; a PYTORCH_LIBRARY_PATH without a libtorch is said, not ignored silently. */
    @Test
    void engineVariablesThatDoNotWorkAreNamed() throws Exception {
        Path csv = dir.resolve("c.csv");
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) b.append(i % 17).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        Files.writeString(csv, b.toString());
        String bad = child(csv, "PYTORCH_VERSION", "abc");
        assertThat(bad).contains("Unexpected version: abc.", "PYTORCH_VERSION = abc", "unset them").doesNotContain("\tat ");
        String missing = child(csv, "PYTORCH_LIBRARY_PATH", dir.resolve("no-such-folder").toString());
        assertThat(missing).contains("PYTORCH_LIBRARY_PATH (" + dir.resolve("no-such-folder") + ") holds no libtorch.so")
                .contains("roc_auc").doesNotContain("\tat ");
    }

    private String child(Path csv, String variable, String value) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-Duser.language=en", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.segmenta.Main",
                "train", csv.toString(), "--target", "y", "--algorithm", "mlp", "--epochs", "1");
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().remove("PYTORCH_VERSION");
        pb.environment().put(variable, value);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try {
            String out = read(p);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
