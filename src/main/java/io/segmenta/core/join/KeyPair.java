package io.segmenta.core.join;

import io.segmenta.core.util.UserException;

/** One key of a join: a column of the left table matched against a column of the right table. */
public record KeyPair(String leftColumn, String rightColumn) {

    /** Parses "left=right", or "name" when both tables use the same column name. */
    public static KeyPair parse(String spec) {
        if (spec == null || spec.isBlank()) throw new UserException("data.join.badKeySpec", String.valueOf(spec));
        int eq = spec.indexOf('=');
        if (eq < 0) return new KeyPair(spec.trim(), spec.trim());
        String l = spec.substring(0, eq).trim();
        String r = spec.substring(eq + 1).trim();
        if (l.isEmpty() || r.isEmpty() || r.indexOf('=') >= 0) {
            throw new UserException("data.join.badKeySpec", spec);
        }
        return new KeyPair(l, r);
    }
}
