package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PyTorch engine is loaded once per process and reads its environment, so these run {@code train} in a child
 * process with the environment a user could have.
 */
class MlpEngineEnvironmentTest {
    @TempDir Path dir;

    private record Child(int code, String out) { }

    /** PYTORCH_VERSION naming a libtorch DJL does not ship: DJL would download it; one sentence, exit 3. */
    @Test
    void aLibtorchDjlWouldDownloadIsRefusedInOneSentence() throws Exception {
        Child c = train(Map.of("PYTORCH_VERSION", "9.9.9", "DJL_CACHE_DIR", dir.resolve("djl").toString()));
        assertThat(c.code()).as(c.out()).isEqualTo(3);
        assertThat(c.out()).contains("would download one", "PYTORCH_LIBRARY_PATH = not set", "PYTORCH_VERSION = 9.9.9", "README")
                .doesNotContain("Exception", "\tat ");
        Path cache = dir.resolve("djl");
        assertThat(!Files.exists(cache) || Files.list(cache).findAny().isEmpty()).as("nothing is fetched").isTrue();
    }

    /** A bad PYTORCH_VERSION names the variable; a PYTORCH_LIBRARY_PATH without a libtorch is said, not ignored silently. */
    @Test
    void engineVariablesThatDoNotWorkAreNamed() throws Exception {
        Child bad = train(Map.of("PYTORCH_VERSION", "abc"));
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.out()).contains("Unexpected version: abc.", "PYTORCH_VERSION = abc", "unset them").doesNotContain("\tat ");
        Path none = dir.resolve("no-such-folder");
        Child missing = train(Map.of("PYTORCH_LIBRARY_PATH", none.toString()));
        assertThat(missing.code()).as(missing.out()).isZero();
        assertThat(missing.out()).contains("PYTORCH_LIBRARY_PATH (" + none + ") holds no libtorch.so").contains("roc_auc")
                .doesNotContain("\tat ");
    }

    /** {@code train --algorithm mlp} on a small CSV in a child JVM with {@code env} added (the engine variables removed first). */
    private Child train(Map<String, String> env) throws Exception {
        Path csv = dir.resolve("c.csv");
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) b.append(i % 17).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        Files.writeString(csv, b.toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-Duser.language=en", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.segmenta.Main",
                "train", csv.toString(), "--target", "y", "--algorithm", "mlp", "--epochs", "1");
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().remove("PYTORCH_VERSION");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return new Child(p.exitValue(), out);
        } finally {
            p.destroyForcibly();
        }
    }
}
