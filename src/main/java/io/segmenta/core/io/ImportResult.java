package io.segmenta.core.io;

import io.segmenta.core.data.Dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished import: the dataset, the settings used, the report, the files read (with hashes), the file line
 * of every row (for messages that name a value's line) and the columns renamed because the header repeated a
 * name (new name → the header's name: a,a → a, a_2).
 */
public record ImportResult(Dataset dataset, CsvSettings settings, ImportReport report, List<SourceFile> sources,
                           RowLines rowLines, Map<String, String> renamedHeaders) {
    public ImportResult {
        sources = List.copyOf(sources);
        if (rowLines == null) rowLines = RowLines.NONE;
        renamedHeaders = renamedHeaders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(renamedHeaders));
    }

    /** The names in the dataset of the columns the header called {@code headerName} (more than one when repeated). */
    public List<String> columnsNamed(String headerName) {
        List<String> out = new ArrayList<>();
        if (dataset.find(headerName).isPresent() && !renamedHeaders.containsKey(headerName)) out.add(headerName);
        renamedHeaders.forEach((now, was) -> { if (was.equals(headerName)) out.add(now); });
        return out;
    }
}
