package io.segmenta.core.project;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Checksums stored beside the blobs of a project file (format version 2 and later), so that bytes changed
 * inside a stored value — a flipped bit on disk, a hand edit — are reported as damage instead of opening as
 * different numbers. SQLite checks the structure of its pages, not the bytes of the values in them.
 * <p>
 * CRC-32C (hardware-accelerated in the JDK) of the stored bytes; each field is prefixed with its length
 * (−1 for NULL) so that no two different rows hash the same stream.
 */
final class ProjectChecksums {
    private ProjectChecksums() { }

    /** The first format version whose files carry checksums. */
    static final int SINCE_VERSION = 2;

    /** Whether the file has the checksum columns: then they are checked, whatever version its header claims. */
    static boolean present(java.sql.Connection c) throws java.sql.SQLException {
        return ProjectSchema.columns(c, "column_chunk").stream().anyMatch(n -> n.equalsIgnoreCase("checksum"));
    }

    /**
     * A column chunk: where it belongs (dataset, column name and type, its place among the chunks, its rows)
     * and its encoded values and missing-value bits (NULL when there are none) — so that a renamed column, a
     * changed type or two swapped chunks are caught as surely as changed values.
     */
    static long chunk(String dataset, String column, String type, int index, long firstRow, long rows, byte[] data, byte[] missing) {
        CRC32C c = new CRC32C();
        add(c, dataset);
        add(c, column);
        add(c, type);
        add(c, Integer.toString(index) + ":" + firstRow + ":" + rows);
        add(c, data);
        add(c, missing);
        return c.getValue();
    }

    /** The dictionary of a text or category column (NULL for the other types), with the column it belongs to. */
    static long dictionary(String dataset, String column, String type, byte[] blob) {
        CRC32C c = new CRC32C();
        add(c, dataset);
        add(c, column);
        add(c, type);
        add(c, blob);
        return c.getValue();
    }

    /** Every stored field of an artifact row. */
    static long artifact(String kind, String name, String datasetName, String optionsJson, String resultJson,
                         byte[] payload, String createdAt) {
        CRC32C c = new CRC32C();
        for (String s : new String[]{kind, name, datasetName, optionsJson, resultJson}) add(c, s);
        add(c, payload);
        add(c, createdAt);
        return c.getValue();
    }

    private static void add(CRC32C c, String s) {
        add(c, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(CRC32C c, byte[] b) {
        int n = b == null ? -1 : b.length;
        c.update(n >>> 24);
        c.update(n >>> 16);
        c.update(n >>> 8);
        c.update(n);
        if (b != null) c.update(b);
    }
}
