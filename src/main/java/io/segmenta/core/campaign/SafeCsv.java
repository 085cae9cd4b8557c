package io.segmenta.core.campaign;

import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formula injection (CSV injection) as OWASP recommends: a cell whose first character
 * is {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote so
 * Excel, LibreOffice and Google Sheets show it as text instead of evaluating it. Plain numbers such as
 * {@code -12.5}, {@code +1} or {@code -3,75} (decimal comma) and {@code 1e-5} are left alone: they cannot run
 * anything and must stay numbers. RFC 4180 quoting is applied afterwards by the writer.
 */
public final class SafeCsv {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");

    private SafeCsv() { }

    /** Whether {@code cell} starts with a character a spreadsheet may read as the start of a formula. */
    public static boolean isDangerous(String cell) {
        if (cell == null || cell.isEmpty()) return false;
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether {@code cell} is a plain decimal number (optional sign, digits, one '.' or ',', exponent). */
    public static boolean isPlainNumber(String cell) { return cell != null && PLAIN_NUMBER.matcher(cell).matches(); }

    /**
     * Whether {@link #neutralize} prefixes a cell: a dangerous cell that is not a plain number, or quotes in front
     * of one ("'=A1" too, so that it cannot become the same text as a neutralised "=A1").
     */
    private static boolean prefixed(String cell) {
        if (cell == null || cell.isEmpty()) return false;
        if (cell.charAt(0) == '\'') return prefixed(cell.substring(1));
        return isDangerous(cell) && !isPlainNumber(cell);
    }

    /** The cell made safe: prefixed with {@code '} when dangerous and not a plain number. */
    public static String neutralize(String cell) {
        return prefixed(cell) ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #neutralize}: the {@code '} taken off a cell it would have prefixed. */
    public static String restore(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') return cell;
        String rest = cell.substring(1);
        return prefixed(rest) ? rest : cell;
    }
}
