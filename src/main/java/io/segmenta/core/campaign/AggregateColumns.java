package io.segmenta.core.campaign;

/**
 * Columns of a results table aggregated per creative (one row per arm, or per segment × arm): counts and
 * revenue sums; null = not in the file. {@code sends} is required.
 */
public record AggregateColumns(String arm, String segment, String sends, String delivered, String bounced, String opened,
                               String clicked, String converted, String revenue) { }
