package io.segmenta.core.sample;

import io.segmenta.core.data.Dataset;

import java.util.List;

/**
 * A generated sample: the customer table, its transaction log, the province table, and (for checks and
 * documentation, never written to the customer file) the planted segment of each customer.
 *
 * @param seed         the seed that produced it
 * @param customers    one row per customer
 * @param transactions one row per order, 2023-01-01..2024-12-31, ordered by date
 * @param provinces    one row per province
 * @param segments     planted segment per customer row
 */
public record SampleData(long seed, Dataset customers, Dataset transactions, Dataset provinces, List<Segment> segments) {
    public SampleData {
        segments = List.copyOf(segments);
    }
}
