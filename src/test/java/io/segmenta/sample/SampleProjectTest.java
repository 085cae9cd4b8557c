package io.segmenta.sample;

import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sample project (opened by the README's run command) must open with this version of Segmenta
 * and hold exactly the shipped CSV files; rebuild it with sample-projects/build-sample-project.sh.
 */
class SampleProjectTest {
    private static final Path PROJECT = Path.of("sample-projects/sample.segmenta");

    @Test
    void sampleProjectOpensAndMatchesItsCsvFiles() {
        Project p = ProjectStore.open(PROJECT);
        assertThat(p.datasets()).extracting(DatasetEntry::name)
                .containsExactly("customers", "transactions", "provinces", "customers_enriched", "bank");
        DatasetEntry customers = p.dataset("customers").orElseThrow();
        assertThat(customers.dataset().rowCount()).isEqualTo(20_000);
        assertThat(p.dataset("bank").orElseThrow().dataset().rowCount()).isEqualTo(45_211);
        assertThat(p.dataset("customers_enriched").orElseThrow().dataset().columnNames())
                .contains("province", "autonomous_community", "population");
        ImportResult fresh = CsvImporter.importFiles(ImportRequest.of(Path.of("sample-projects/data/customers.csv")), TaskContext.NONE);
        assertThat(customers.sources().get(0).sha256())
                .as("sample.segmenta is stale: run sample-projects/build-sample-project.sh")
                .isEqualTo(fresh.sources().get(0).sha256());
        assertThat(customers.dataset().columnNames()).isEqualTo(fresh.dataset().columnNames());
        for (int c = 0; c < fresh.dataset().columnCount(); c++) {
            assertThat(customers.dataset().column(c).type()).isEqualTo(fresh.dataset().column(c).type());
            for (int r = 0; r < 20_000; r += 997) {
                assertThat(customers.dataset().column(c).format(r)).isEqualTo(fresh.dataset().column(c).format(r));
            }
        }
    }
}
