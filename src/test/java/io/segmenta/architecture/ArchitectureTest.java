package io.segmenta.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import io.segmenta.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layering of the shipped classes (tests are not imported):
 * <ul>
 *   <li>{@code io.segmenta.core} is the model and the logic. It knows nothing of the GUI, the CLI or
 *       any UI library, never ends the JVM and never prints, so both front ends and the tests can
 *       use it.</li>
 *   <li>{@code io.segmenta.cli} is the command line. It must run without a display, so it does not
 *       touch JavaFX or the GUI.</li>
 *   <li>{@code io.segmenta.app} is the JavaFX GUI, the only place UI libraries are used.</li>
 * </ul>
 * Plain JUnit 5 tests over one {@link ClassFileImporter} import of the main classes.
 */
class ArchitectureTest {
    private static final String CORE = "io.segmenta.core..";
    private static final String CLI = "io.segmenta.cli..";
    private static final String APP = "io.segmenta.app..";

    /** JavaFX (public API and internals) and the UI libraries built on it. */
    private static final String[] UI_LIBRARIES = {
        "javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism..",
        "org.controlsfx..", "impl.org.controlsfx..", "eu.hansolo..", "atlantafx..", "org.kordamp..",
        "org.testfx..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importShippedClasses() throws URISyntaxException {
        // Import the folder (or jar) io.segmenta.Main was loaded from rather than filtering the class
        // path: ArchUnit's "not tests" filter only knows target/test-classes, and builds may move
        // their output elsewhere (mvn -DbuildDir=...).
        Location mainClasses = Location.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importLocations(Set.of(mainClasses));
    }

    @Test
    void importSeesTheShippedLayers() {
        // Guards the rules below against passing on an empty import.
        assertThat(classes.contain("io.segmenta.Main")).isTrue();
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("io.segmenta.core"))
                .anyMatch(p -> p.startsWith("io.segmenta.cli"))
                .anyMatch(p -> p.startsWith("io.segmenta.app"))
                .noneMatch(p -> p.startsWith("io.segmenta.architecture") || p.startsWith("io.segmenta.installer"));
    }

    @Test
    void coreDoesNotDependOnUiOrFrontEnds() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(UI_LIBRARIES)
                .orShould().dependOnClassesThat().resideInAnyPackage(APP, CLI, "picocli..")
                .because("core is shared by the GUI, the CLI and the tests and must load without JavaFX")
                .check(classes);
    }

    @Test
    void cliDoesNotDependOnTheGui() {
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(APP)
                .orShould().dependOnClassesThat().resideInAnyPackage(UI_LIBRARIES)
                .because("the command line must run on machines without a display or a JavaFX runtime")
                .check(classes);
    }

    @Test
    void onlyTheGuiUsesUiLibraries() {
        // Also covers io.segmenta.Main, which must not touch JavaFX so that JavaFX can stay on the
        // class path and the CLI never initialises it, and any package added later.
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAnyPackage(UI_LIBRARIES)
                .because("JavaFX and its libraries belong to io.segmenta.app only")
                .check(classes);
    }

    @Test
    void coreSubpackagesHaveNoCycles() {
        slices().matching("io.segmenta.core.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.segmenta.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void coreNeverEndsTheJvm() {
        noClasses().that().resideInAPackage(CORE)
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("only the entry point decides the exit code; core reports problems with exceptions")
                .check(classes);
    }

    @Test
    void coreDoesNotPrint() {
        noClasses().that().resideInAPackage(CORE)
                .should(ACCESS_STANDARD_STREAMS)
                .because("core reports through return values, exceptions and TaskContext; "
                        + "the GUI has no console and the CLI owns stdout and stderr")
                .check(classes);
    }
}
