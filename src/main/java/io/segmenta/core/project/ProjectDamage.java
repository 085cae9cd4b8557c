package io.segmenta.core.project;

import io.segmenta.core.util.I18n;

import java.util.Locale;

/**
 * Something read from a project file that this build cannot make sense of: a value of the wrong kind, a
 * blob that does not decode, a missing table. It carries a message key of the {@code project.damage.*}
 * family so the reason reads in plain words in the user's language; {@link ProjectStore} turns it into
 * the {@link io.segmenta.core.util.UserException} {@code project.error.corrupt} naming the file.
 * <p>
 * Every place that decodes a value read from a file (enum names, JSON, blobs, timestamps, counts) throws
 * this and nothing else for bad content, so no internal exception text reaches the user.
 */
final class ProjectDamage extends RuntimeException implements I18n.Localizable {
    private static final long serialVersionUID = 1L;

    /** Longest stretch of a value from the file quoted in a message. */
    static final int MAX_SHOWN = 60;

    private final String key;
    private final transient Object[] args;

    ProjectDamage(String key, Object... args) {
        this(null, key, args);
    }

    ProjectDamage(Throwable cause, String key, Object... args) {
        super(I18n.tr(Locale.ENGLISH, key, args), cause);
        this.key = key;
        this.args = args.clone();
    }

    String key() { return key; }

    @Override
    public String text(Locale l) { return I18n.tr(l, key, args); }

    /** A message fragment ("dataset cust", "table dataset, row 3") written in the message's language. */
    static I18n.Localizable phrase(String key, Object... args) {
        Object[] a = args.clone();
        return l -> I18n.tr(l, key, a);
    }

    /** Where a dataset's problem is: "dataset NAME". */
    static I18n.Localizable dataset(String name) { return phrase("project.damage.where.dataset", shown(name)); }

    /** Where a column's problem is: "dataset NAME, column NAME". */
    static I18n.Localizable column(String dataset, String column) {
        return phrase("project.damage.where.column", shown(dataset), shown(column));
    }

    /** Where a row's problem is when it has no usable name: "table T, row N". */
    static I18n.Localizable row(String table, long rowId) {
        return phrase("project.damage.where.row", table, String.valueOf(rowId));
    }

    /**
     * Text from the file made safe to quote in a one-line message: control characters (line breaks
     * included) become spaces, and long text is cut with an ellipsis.
     */
    static String shown(Object value) {
        String s = value instanceof byte[] b ? "<" + b.length + " bytes>" : String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SHOWN + 1));
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (count == MAX_SHOWN) {
                out.append('…');
                break;
            }
            out.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR ? ' ' : cp);
            count++;
        }
        return out.toString();
    }
}
