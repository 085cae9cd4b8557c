package io.segmenta.core.segment;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A fitted segmentation: everything needed to show, export and reopen it identically. Segments are
 * numbered 0..k-1 by decreasing size (segment 0 is the largest); {@link #names()} are the display names
 * ("Segment 1", … unless renamed).
 *
 * <p>Arrays are shared, not copied: treat them as read-only. Equality is by reference for the arrays
 * (records); compare the components to check a round trip.
 *
 * @param datasetName     the dataset it was made from
 * @param datasetRows     the dataset's row count at the time (the segment column must match it)
 * @param options         the options, including the seed
 * @param sweep           the elbow sweep results the choice was made on (empty when none was run)
 * @param suggestedK      the sweep's knee (null: no clear elbow, or no sweep)
 * @param bestSilhouetteK the sweep's best silhouette k (null when no sweep)
 * @param k               the chosen number of segments
 * @param transform       the fitted feature transform (to map centroids back to original units)
 * @param centroids       k × d centroids in matrix (scaled) units, row-major
 * @param rows            the dataset rows that were segmented, ascending
 * @param assignment      the segment (0..k-1) of each of those rows
 * @param names           a display name per segment
 * @param metrics         inertia, silhouette, CH, DB of the final fit
 * @param subsetRows      rows chosen by the subset before dropping rows with missing features
 * @param droppedRows     rows left out for a missing feature
 * @param imputedCells    cells filled with a median or mode
 * @param stability       the stability check for k, or null when not run
 */
public record Segmentation(String datasetName, int datasetRows, SegmentationOptions options, List<KResult> sweep,
                           Integer suggestedK, Integer bestSilhouetteK, int k, FittedTransform transform, double[] centroids,
                           int[] rows, int[] assignment, List<String> names, KResult metrics, int subsetRows, int droppedRows,
                           int imputedCells, Stability.Result stability) {

    public Segmentation {
        sweep = sweep == null ? List.of() : List.copyOf(sweep);
        names = List.copyOf(names);
        if (names.size() != k) throw new IllegalArgumentException("names: " + names.size() + " for k = " + k);
        if (rows.length != assignment.length) throw new IllegalArgumentException("rows and assignment differ in length");
        if (centroids.length != k * transform.dims()) throw new IllegalArgumentException("centroids");
    }

    public int d() { return transform.dims(); }

    public List<String> dimNames() { return transform.dimNames(); }

    /** Centroid {@code c} in matrix (scaled) units. */
    public double[] centroidScaled(int c) { return Arrays.copyOfRange(centroids, c * d(), c * d() + d()); }

    /** Centroid {@code c} in original units (numeric values; shares 0..1 for one-hot columns). */
    public double[] centroidOriginal(int c) { return transform.toOriginal(centroidScaled(c)); }

    /** Rows per segment. */
    public int[] sizes() {
        int[] s = new int[k];
        for (int a : assignment) s[a]++;
        return s;
    }

    /**
     * Segments too small to be a group a campaign can target — a single customer, or fewer than
     * {@value #TINY_ROWS} that are also under 1 % of the rows — which k-means makes of outliers (an income of
     * 666,666 among thousands): one sentence each, naming the segment and its size.
     */
    public List<String> smallSegmentWarnings() {
        int[] size = sizes();
        int n = rows.length;
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (size[c] == 1 || (size[c] < TINY_ROWS && size[c] < 0.01 * n)) {
                out.add(io.segmenta.core.util.I18n.tr("segment.warn.tiny", names.get(c), size[c], (double) size[c] / n));
            }
        }
        return out;
    }

    /** Fewer rows than this (and under 1 % of them) make a segment too small to target. */
    public static final int TINY_ROWS = 30;

    /** The segment of a dataset row, or -1 when the row was not segmented. */
    public int segmentOfRow(int datasetRow) {
        int i = Arrays.binarySearch(rows, datasetRow);
        return i >= 0 ? assignment[i] : -1;
    }

    public Segmentation withNames(List<String> newNames) {
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < newNames.size(); i++) {
            String s = newNames.get(i) == null ? "" : newNames.get(i).strip();
            if (s.isEmpty()) throw new UserException("segment.error.blankName", i + 1);
            if (clean.contains(s)) throw new UserException("segment.error.duplicateName", s);
            clean.add(s);
        }
        return new Segmentation(datasetName, datasetRows, options, sweep, suggestedK, bestSilhouetteK, k, transform, centroids,
                rows, assignment, clean, metrics, subsetRows, droppedRows, imputedCells, stability);
    }

    public Segmentation withStability(Stability.Result s) {
        return new Segmentation(datasetName, datasetRows, options, sweep, suggestedK, bestSilhouetteK, k, transform, centroids,
                rows, assignment, names, metrics, subsetRows, droppedRows, imputedCells, s);
    }

    /**
     * The segment as a categorical column: each segmented row holds its segment's name, other rows
     * (outside the subset, or dropped for a missing feature) are missing. A categorical text column was
     * chosen over an integer one so that tables, filters and exports show the names the creatives use;
     * the dictionary is in segment order, so the code of a row is its segment number − 1.
     */
    public StringColumn segmentColumn(String columnName) {
        int[] codes = new int[datasetRows];
        BitSet missing = new BitSet(datasetRows);
        missing.set(0, datasetRows);
        Arrays.fill(codes, -1);
        for (int i = 0; i < rows.length; i++) {
            codes[rows[i]] = assignment[i];
            missing.clear(rows[i]);
        }
        return new StringColumn(columnName, codes, names.toArray(new String[0]), missing, true, false);
    }

    /** The dataset with the segment column added (or replaced when a column of that name exists). */
    public Dataset addSegmentColumn(Dataset ds, String columnName) {
        if (ds.rowCount() != datasetRows) throw new UserException("segment.error.rowsChanged", ds.name(), ds.rowCount(), datasetRows);
        return ds.withColumn(segmentColumn(columnName));
    }
}
