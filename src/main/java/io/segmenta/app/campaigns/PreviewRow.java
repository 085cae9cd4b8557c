package io.segmenta.app.campaigns;

import java.util.List;

/**
 * One line of the preview: a segment (or the total) with its eligible population, the customers each creative
 * gets, the holdout and the total on the list.
 */
public record PreviewRow(String segment, int population, List<Integer> creatives, int holdout, int total, boolean totalRow) {
    public PreviewRow {
        creatives = List.copyOf(creatives);
    }
}
