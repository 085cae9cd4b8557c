package io.segmenta.core.campaign;

import io.segmenta.core.data.RowRef;
import io.segmenta.core.io.RowLines;
import io.segmenta.core.util.I18n;

import java.util.Arrays;
import java.util.List;

/**
 * Results per arm ready for {@link AbAnalysis}.
 *
 * @param arms        one entry per arm, in arm order
 * @param segmentArms one entry per segment × arm (empty when the data has no segments)
 * @param join        how the join to a campaign list went, or null when the results carried their own arms
 * @param notes       what reading the results left out on purpose (rows without an arm…), so it is never silent
 */
public record AbData(List<ArmCounts> arms, List<ArmCounts> segmentArms, Join join, List<Note> notes) {
    public AbData {
        arms = List.copyOf(arms);
        segmentArms = List.copyOf(segmentArms);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public AbData(List<ArmCounts> arms, List<ArmCounts> segmentArms, Join join) { this(arms, segmentArms, join, List.of()); }

    /**
     * @param listed      customers on the list
     * @param matched     of them, with a result row
     * @param resultsOnly result rows whose id is not on the list (ignored)
     */
    public record Join(int listed, int matched, int resultsOnly) { }

    /**
     * A non-fatal finding: an i18n key and its arguments; rows are named with {@link RowRef}, which a caller that
     * knows the file turns into file lines ({@link #message(RowLines)}).
     */
    public record Note(String key, List<Object> args) {
        public Note {
            args = List.copyOf(args);
        }

        /** The note in the current language, rows named as rows. */
        public String message() { return message(RowLines.NONE); }

        /** The note in the current language, rows named as lines of the file they came from. */
        public String message(RowLines lines) {
            Object[] a = args.toArray();
            for (int i = 0; i < a.length; i++) if (a[i] instanceof RowRef r) a[i] = lines.locate(r);
            return I18n.tr(key, Arrays.copyOf(a, a.length));
        }
    }
}
