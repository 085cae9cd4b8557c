package io.segmenta.core.io;

import io.segmenta.core.data.RowRef;
import io.segmenta.core.util.UserException;

import java.util.List;

/**
 * Where each row of an imported dataset came from: the file and the line its record starts on (rejected,
 * blank and header lines are skipped, and a record with a quoted line break spans several lines, so a row's
 * line is not simply its number plus one). Lets messages about a value name the line a user can open.
 */
public final class RowLines {
    /** No file behind the rows (a project dataset, a derived table): rows stay rows. */
    public static final RowLines NONE = new RowLines(List.of(), null, new int[0]);

    private final List<String> files;
    private final int[] fileOfRow;
    private final int[] lines;

    /**
     * @param files     file names, in import order
     * @param fileOfRow per row, the index into {@code files}; null when all rows come from file 0
     * @param lines     per row, the 1-based line its record starts on
     */
    RowLines(List<String> files, int[] fileOfRow, int[] lines) {
        this.files = List.copyOf(files);
        this.fileOfRow = fileOfRow;
        this.lines = lines;
    }

    /** Rows known. */
    public int rows() { return lines.length; }

    /** 1-based line of {@code row}'s record, or 0 when unknown. */
    public long line(int row) { return row >= 0 && row < lines.length ? Integer.toUnsignedLong(lines[row]) : 0; }

    /** File of {@code row}, or null when unknown. */
    public String file(int row) {
        if (row < 0 || row >= lines.length) return null;
        return files.get(fileOfRow == null ? 0 : fileOfRow[row]);
    }

    /** {@code r} with its file and line, or {@code r} unchanged when it names one already or its row is not known here. */
    public RowRef locate(RowRef r) {
        if (r.file() != null) return r;
        String f = file(r.row());
        return f == null ? r : r.at(f, line(r.row()));
    }

    /**
     * {@code e} with every row it names turned into a file line ("line 13 of customers.csv" instead of
     * "row 12"); {@code e} itself when it names none this knows.
     */
    public UserException relocate(UserException e) {
        Object[] args = e.args();
        boolean changed = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof RowRef r) {
                RowRef located = locate(r);
                if (located != r) { args[i] = located; changed = true; }
            }
        }
        if (!changed) return e;
        UserException out = new UserException(e.getCause(), e.key(), args);
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
