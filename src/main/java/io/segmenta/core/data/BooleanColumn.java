package io.segmenta.core.data;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * true/false values, with the words the file wrote them in ("Yes"/"No", "S"/"N", "true"/"false"…), so that a
 * column written back to CSV reads as it did in the file.
 */
public final class BooleanColumn extends Column {
    /** The words of a column that did not come from a file. */
    public static final String TRUE = "true", FALSE = "false";

    /** The other word of each pair (lower case), for a column whose file held only one of the two. */
    private static final Map<String, String> PARTNER = Map.ofEntries(
            Map.entry("true", "false"), Map.entry("false", "true"), Map.entry("yes", "no"), Map.entry("no", "yes"),
            Map.entry("y", "n"), Map.entry("n", "y"), Map.entry("t", "f"), Map.entry("f", "t"),
            Map.entry("si", "no"), Map.entry("sí", "no"), Map.entry("s", "n"),
            Map.entry("verdadero", "falso"), Map.entry("falso", "verdadero"));

    private final BitSet values;
    private final String trueLabel;
    private final String falseLabel;

    public BooleanColumn(String name, int size, BitSet values, BitSet missing, boolean idLike, String trueLabel,
                         String falseLabel) {
        super(name, size, missing, idLike);
        this.values = values;
        boolean usable = trueLabel != null && falseLabel != null && !trueLabel.isBlank() && !falseLabel.isBlank()
                && !trueLabel.equals(falseLabel);
        this.trueLabel = usable ? trueLabel : TRUE;
        this.falseLabel = usable ? falseLabel : FALSE;
    }

    public BooleanColumn(String name, int size, BitSet values, BitSet missing, boolean idLike) {
        this(name, size, values, missing, idLike, TRUE, FALSE);
    }

    public BooleanColumn(String name, int size, BitSet values, BitSet missing) { this(name, size, values, missing, false); }

    @Override public ColumnType type() { return ColumnType.BOOLEAN; }

    public boolean getBoolean(int row) { return values.get(row); }

    /** A copy of the true-mask. */
    public BitSet trueMask() { return (BitSet) values.clone(); }

    /** The word for true, as the file wrote it (most often), or {@value #TRUE}. */
    public String trueLabel() { return trueLabel; }

    /** The word for false, as the file wrote it (most often), or {@value #FALSE}. */
    public String falseLabel() { return falseLabel; }

    /** Whether the words are the plain {@value #TRUE} / {@value #FALSE}. */
    public boolean plainLabels() { return trueLabel.equals(TRUE) && falseLabel.equals(FALSE); }

    /**
     * The other word of a pair in the same letter case ("Yes" → "No", "S" → "N", "TRUE" → "FALSE"), for a
     * column whose file held only one of the two; null when {@code word} is not a known true/false word.
     */
    public static String partner(String word) {
        if (word == null) return null;
        String p = PARTNER.get(word.toLowerCase(Locale.ROOT));
        if (p == null) return null;
        if (word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT))) {
            return p.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(word.charAt(0))) return Character.toUpperCase(p.charAt(0)) + p.substring(1);
        return p;
    }

    /**
     * Which value a word names: this column's own words (any letter case), then the usual ones (true, yes, y, t,
     * si, sí, s, verdadero, 1 / false, no, n, f, falso, 0); null when it names neither.
     */
    public Boolean truthOf(String word) {
        if (word == null) return null;
        String w = word.strip();
        if (w.equalsIgnoreCase(trueLabel)) return true;
        if (w.equalsIgnoreCase(falseLabel)) return false;
        return usualTruth(w);
    }

    /**
     * Which value one of the usual words names (true, yes, y, t, si, sí, s, verdadero, 1 / false, no, n, f, falso,
     * 0; any letter case, surrounding spaces ignored); null for any other text.
     */
    public static Boolean usualTruth(String word) {
        if (word == null) return null;
        String l = word.strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(l)) return true;
        if (FALSE_WORDS.contains(l)) return false;
        return null;
    }

    /** The word for a value. */
    public String label(boolean value) { return value ? trueLabel : falseLabel; }

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "t", "si", "sí", "s", "verdadero", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "f", "falso", "0");

    @Override public Object get(int row) { return isMissing(row) ? null : values.get(row); }

    @Override public String format(int row) { return isMissing(row) ? "" : (values.get(row) ? trueLabel : falseLabel); }

    @Override public double getDouble(int row) { return isMissing(row) ? Double.NaN : (values.get(row) ? 1.0 : 0.0); }

    @Override public Column withName(String n) {
        return new BooleanColumn(n, size(), values, rawMissing(), idLike(), trueLabel, falseLabel);
    }

    @Override public Column withIdLike(boolean id) {
        return new BooleanColumn(name(), size(), values, rawMissing(), id, trueLabel, falseLabel);
    }

    @Override public Column select(int[] rows) {
        BitSet v = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) if (values.get(rows[i])) v.set(i);
        return new BooleanColumn(name(), rows.length, v, selectMissing(rows), idLike(), trueLabel, falseLabel);
    }
}
