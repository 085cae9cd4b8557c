package io.segmenta.core.join;

import java.util.Locale;

/**
 * How key values are compared. Keys of any type are first turned into text (integral decimals without
 * ".0", so 2, 2.0 and "2" agree); then, as chosen: only the first word kept (a code that starts a label:
 * INE's "02 Albacete" → "02"), surrounding blanks removed, case ignored, and leading zeros removed from digit
 * runs at the start ("02" = "2", "007A" = "7A", "0" stays "0").
 */
public record KeyNormalization(boolean trim, boolean ignoreCase, boolean stripLeadingZeros, boolean firstWord) {

    /** Without the first-word rule. */
    public KeyNormalization(boolean trim, boolean ignoreCase, boolean stripLeadingZeros) {
        this(trim, ignoreCase, stripLeadingZeros, false);
    }

    /** Everything on but the first-word rule: the forgiving default. */
    public static KeyNormalization defaults() { return new KeyNormalization(true, true, true); }

    /** Compare the text exactly as formatted. */
    public static KeyNormalization exact() { return new KeyNormalization(false, false, false); }

    /** Applies the chosen rules to one key's text. */
    public String apply(String raw) {
        String s = raw;
        if (firstWord) {
            String t = s.strip();
            int end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end))) end++;
            s = t.substring(0, end);
        }
        if (trim) s = s.strip();
        if (ignoreCase) s = s.toLowerCase(Locale.ROOT);
        if (stripLeadingZeros) s = stripZeros(s);
        return s;
    }

    static String stripZeros(String s) {
        int sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int i = sign;
        while (i < s.length() - 1 && s.charAt(i) == '0' && Character.isDigit(s.charAt(i + 1))) i++;
        if (i == sign) return s;
        return s.substring(0, sign) + s.substring(i);
    }
}
