package io.segmenta.core.clv;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvOptions;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.task.TaskContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/** The shipped CDNOW sample (src/test/resources/cdnow), imported once per test JVM. */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    private static Dataset log;
    private static TransactionSummary summary;

    private Cdnow() { }

    /** Copies a classpath resource to a temporary file. */
    static Path resource(String name) {
        try (InputStream in = Cdnow.class.getResourceAsStream("/cdnow/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource cdnow/" + name);
            Path f = Files.createTempFile("cdnow", "-" + name);
            f.toFile().deleteOnExit();
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Dataset log() {
        if (log == null) {
            log = CsvImporter.importFiles(ImportRequest.of(resource("CDNOW_sample.txt"), CsvOptions.detect().withHeader(false)),
                    TaskContext.NONE).dataset();
        }
        return log;
    }

    /** Calibration to 1997-09-30, holdout to 1998-06-30, weeks; customer = sample id (column 2). */
    static synchronized TransactionSummary summary() {
        if (summary == null) {
            summary = SummaryBuilder.build(log(), SummaryOptions.of("column_2", "column_3", "column_5", CALIBRATION_END, HOLDOUT_END),
                    TaskContext.NONE);
        }
        return summary;
    }
}
