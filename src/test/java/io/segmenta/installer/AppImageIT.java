package io.segmenta.installer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the native app image with {@code installer/build.sh app-image} from the jar that {@code mvn
 * package} just made, then runs its launcher on the command-line path (no display needed). Runs in
 * {@code mvn verify} (failsafe, after package). Skipped only where the JDK running the tests has no
 * jpackage, or where there is no bash to run the script (Windows without Git Bash).
 */
class AppImageIT {
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    private static final boolean MAC = System.getProperty("os.name").startsWith("Mac");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void appImageBuildsAndItsLauncherRunsTheCli(@TempDir Path dist) throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jpackage = javaHome.resolve("bin").resolve(WINDOWS ? "jpackage.exe" : "jpackage");
        assumeTrue(Files.isExecutable(jpackage), "no jpackage in " + javaHome);
        Path bash = findBash();
        assumeTrue(bash != null, "no bash on PATH to run installer/build.sh");

        Path buildDir = buildDir();
        Path jar = buildDir.resolve("segmenta.jar");
        assertThat(jar).as("run after mvn package").isRegularFile();
        String version = implementationVersion(jar);
        Path repo = repositoryRoot();

        Result build = run(List.of(bash.toString(), repo.resolve("installer/build.sh").toString(), "app-image",
                "--build-dir", buildDir.toString(), "--dest", dist.toString()), repo, Map.of("JAVA_HOME", javaHome.toString()),
                150, dist.resolve("build.log"));
        assertThat(build.exitCode()).as("installer/build.sh app-image failed:%n%s", build.all()).isZero();

        Path image = MAC ? dist.resolve("Segmenta.app") : dist.resolve("Segmenta");
        Path launcher = MAC ? image.resolve("Contents/MacOS/Segmenta")
                : image.resolve("bin").resolve(WINDOWS ? "Segmenta.exe" : "Segmenta");
        assertThat(launcher).isExecutable();

        Result versionRun = run(List.of(launcher.toString(), "--version"), dist, Map.of(), 30, dist.resolve("version.log"));
        assertThat(versionRun.exitCode()).as(versionRun.all()).isZero();
        assertThat(versionRun.stdout().strip()).isEqualTo("Segmenta " + version);
        assertThat(versionRun.stderr()).as("stderr of --version").doesNotContain("WARNING");

        Result help = run(List.of(launcher.toString(), "--help"), dist, Map.of(), 30, dist.resolve("help.log"));
        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.stdout())
                .contains("Usage: segmenta")
                .contains("--version")
                .contains("import")
                .contains("info");
        assertThat(help.stderr()).as("stderr of --help").doesNotContain("WARNING");

        // The runtime is trimmed by jlink, yet keeps what the app needs, and the launcher passes the
        // native-access option (sqlite-jdbc and JavaFX load native code).
        Path appDir = MAC ? image.resolve("Contents/app") : image.resolve("lib/app");
        Path runtime = MAC ? image.resolve("Contents/runtime/Contents/Home") : image.resolve("lib/runtime");
        List<String> modules = runtimeModules(runtime.resolve("release"));
        assertThat(modules).contains("java.base", "java.desktop", "java.sql", "jdk.localedata", "jdk.unsupported")
                .doesNotContain("jdk.compiler", "jdk.jpackage", "jdk.jshell"); // java.compiler (annotation API only) is needed by a library
        assertThat(runtime.resolve("bin")).as("native commands stripped").doesNotExist();
        assertThat(Files.readString(appDir.resolve("Segmenta.cfg")))
                .contains("--enable-native-access=ALL-UNNAMED")
                .contains("io.segmenta.Main");
        assertThat(appDir.resolve("segmenta.jar")).isRegularFile();

        // A usage error comes back through the native launcher as the documented exit code 2
        // (SegmentaCli: 0 ok, 2 usage error, 3 bad input, 1 internal error).
        Result bad = run(List.of(launcher.toString(), "no-such-command"), dist, Map.of(), 30, dist.resolve("bad.log"));
        assertThat(bad.stderr()).contains("no-such-command");
        assertThat(bad.exitCode()).as(bad.all()).isEqualTo(2);
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds, Path log)
            throws IOException, InterruptedException {
        Path out = log.resolveSibling(log.getFileName() + ".out");
        Path err = log.resolveSibling(log.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Options a developer or CI sets for Maven must not leak into the launched app.
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s:\n"
                    + Files.readString(out) + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static java.io.File nullDevice() {
        return new java.io.File(WINDOWS ? "NUL" : "/dev/null");
    }

    private static Path findBash() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, WINDOWS ? "bash.exe" : "bash");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /** The Maven build directory: the parent of the folder these test classes were loaded from. */
    private static Path buildDir() throws URISyntaxException {
        Path testClasses = Path.of(AppImageIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("installer/build.sh")) && Files.isRegularFile(d.resolve("pom.xml"))) return d;
        }
        throw new AssertionError("installer/build.sh not found above " + dir);
    }

    private static String implementationVersion(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String v = jf.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertThat(v).as("Implementation-Version in %s", jar).isNotBlank();
            return v;
        }
    }

    private static List<String> runtimeModules(Path release) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            p.load(in);
        }
        String modules = p.getProperty("MODULES", "").replace("\"", "").strip();
        assertThat(modules).as("MODULES in %s", release).isNotEmpty();
        return new ArrayList<>(Arrays.asList(modules.split("\\s+")));
    }
}
