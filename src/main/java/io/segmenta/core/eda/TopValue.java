package io.segmenta.core.eda;

/**
 * A frequent value of a categorical, text or boolean column.
 *
 * @param value the value's text
 * @param count rows with it
 * @param share count over the column's non-missing values (as pandas {@code value_counts(normalize=True)})
 */
public record TopValue(String value, long count, double share) { }
