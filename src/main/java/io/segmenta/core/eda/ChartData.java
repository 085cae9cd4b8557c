package io.segmenta.core.eda;

/** Result of an Explore computation that the GUI can copy to the clipboard or save as CSV. */
public interface ChartData {
    /**
     * The data behind the chart as RFC-4180 CSV: a header row, comma separated, fields quoted when they
     * hold a comma, quote or line break, CRLF line ends. Numbers are written with full precision
     * ({@link Double#toString}); undefined values are empty fields.
     */
    String toCsv();
}
