package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row filter shared by every Explore view: conditions on columns, all of which a row must meet (AND).
 * An empty filter keeps every row.
 *
 * <p>Semantics: a missing value meets only {@link Operator#IS_MISSING} (so {@code x != 5} drops rows where
 * x is missing, as in SQL). Values are compared by column type: numbers numerically, dates as ISO
 * {@code yyyy-MM-dd}, date-times as {@code yyyy-MM-dd HH:mm[:ss]} (or a date, meaning midnight), booleans
 * as true/false (also yes/no, 1/0, si/no), text exactly (case-sensitive). {@link Operator#CONTAINS} matches
 * a case-insensitive substring of the value's text in any column type. The order operators need a number,
 * date or date-time column.
 *
 * <p>Text form (CLI {@code --filter}, one condition each): {@code age>=30}, {@code channel=email},
 * {@code province_code in 02,28}, {@code email_domain contains gmail}, {@code income is missing}.
 * Unicode ≠ ≤ ≥ and {@code ==}, {@code <>} are accepted. Values may be double-quoted (needed for a comma
 * inside an {@code in} list); a column name with operator characters or spaces around a word operator
 * can be written in backquotes: {@code `a<b` > 3}.
 *
 * @param conditions the conditions, combined with AND
 */
public record RowFilter(List<Condition> conditions) {

    /** Keeps every row. */
    public static final RowFilter NONE = new RowFilter(List.of());

    public RowFilter {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The filter made of the given text conditions (see the class comment), e.g. from repeated --filter. */
    public static RowFilter parse(List<String> expressions) {
        List<Condition> list = new ArrayList<>();
        if (expressions != null) for (String e : expressions) list.add(Condition.parse(e));
        return new RowFilter(list);
    }

    public static RowFilter parse(String... expressions) { return parse(Arrays.asList(expressions)); }

    /** This filter plus one more condition. */
    public RowFilter and(Condition c) {
        List<Condition> l = new ArrayList<>(conditions);
        l.add(c);
        return new RowFilter(l);
    }

    public boolean isEmpty() { return conditions.isEmpty(); }

    /** The conditions in their text form, e.g. {@code ["age >= 30", "channel = email"]}. */
    public List<String> expressions() { return conditions.stream().map(Condition::toString).toList(); }

    @Override
    public String toString() { return String.join(" AND ", expressions()); }

    /** Checks that every condition fits the dataset (columns exist, values parse, operator fits the type). */
    public void validate(Dataset ds) {
        for (Condition c : conditions) c.compile(ds);
    }

    /** The rows meeting every condition. */
    public RowSelection apply(Dataset ds) { return apply(ds, TaskContext.NONE); }

    public RowSelection apply(Dataset ds, TaskContext ctx) {
        int n = ds.rowCount();
        if (conditions.isEmpty()) return RowSelection.all(n);
        RowTest[] tests = new RowTest[conditions.size()];
        for (int i = 0; i < tests.length; i++) tests[i] = conditions.get(i).compile(ds);
        int[] out = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if ((r & 0xFFFF) == 0) ctx.checkCancelled();
            boolean keep = true;
            for (RowTest t : tests) if (!t.test(r)) { keep = false; break; }
            if (keep) out[k++] = r;
        }
        return new RowSelection(Arrays.copyOf(out, k), n);
    }

    @FunctionalInterface
    interface RowTest { boolean test(int row); }

    /** Comparison operators. {@link #symbol()} is the text form used by {@link Condition#toString()}. */
    public enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        CONTAINS("contains"), IN("in"), IS_MISSING("is missing"), IS_NOT_MISSING("is not missing");

        private final String symbol;

        Operator(String symbol) { this.symbol = symbol; }

        /** ASCII text form, as parsed back by {@link Condition#parse}. */
        public String symbol() { return symbol; }

        /** Symbol for display: = ≠ &lt; ≤ &gt; ≥ or the words. */
        public String display() {
            return switch (this) { case NE -> "≠"; case LE -> "≤"; case GE -> "≥"; default -> symbol; };
        }

        /** Whether the operator takes a value ({@code in} takes one or more). */
        public boolean needsValue() { return this != IS_MISSING && this != IS_NOT_MISSING; }

        boolean isOrder() { return this == LT || this == LE || this == GT || this == GE; }
    }

    /**
     * One condition.
     *
     * @param column column name
     * @param op     operator
     * @param values the value(s) as text: none for the missing tests, one or more for {@code in}, one otherwise
     */
    public record Condition(String column, Operator op, List<String> values) {
        public Condition {
            if (column == null || column.isBlank()) throw new UserException("eda.filter.noColumn");
            if (op == null) throw new UserException("eda.filter.noOperator", column);
            values = values == null ? List.of() : List.copyOf(values);
            if (!op.needsValue() && !values.isEmpty()) throw new UserException("eda.filter.noValueExpected", column, op.symbol());
            if (op.needsValue() && values.isEmpty()) throw new UserException("eda.filter.valueExpected", column, op.symbol());
            if (op != Operator.IN && values.size() > 1) throw new UserException("eda.filter.oneValue", column, op.symbol());
        }

        public Condition(String column, Operator op, String value) {
            this(column, op, value == null ? List.of() : List.of(value));
        }

        /** The single value (null for the missing tests; the first for {@code in}). */
        public String value() { return values.isEmpty() ? null : values.get(0); }

        private static final Pattern WORD_OP = Pattern.compile(
                "\\s(is\\s+not\\s+missing|is\\s+missing|contains|in)(?=\\s|$)", Pattern.CASE_INSENSITIVE);
        private static final String[] SYMBOLS = {">=", "<=", "!=", "<>", "==", "≠", "≤", "≥", "=", "<", ">"};

        /** Parses a text condition such as {@code age>=30} (see {@link RowFilter}). */
        public static Condition parse(String text) {
            if (text == null || text.isBlank()) throw new UserException("eda.filter.empty");
            String s = text.strip();
            String column = null;
            String rest = s;
            if (s.startsWith("`")) {
                int end = s.indexOf('`', 1);
                if (end < 0) throw new UserException("eda.filter.syntax", text);
                column = s.substring(1, end);
                rest = s.substring(end + 1);
            }
            String hay = column == null ? s : " " + rest;
            // earliest operator: a symbol anywhere, or a word operator preceded by a blank
            int symAt = -1;
            String sym = null;
            for (String cand : SYMBOLS) {
                int i = hay.indexOf(cand);
                if (i >= 0 && (symAt < 0 || i < symAt || (i == symAt && cand.length() > sym.length()))) { symAt = i; sym = cand; }
            }
            Matcher m = WORD_OP.matcher(hay);
            int wordAt = m.find() ? m.start() : -1;
            Operator op;
            String lhs, rhs;
            if (wordAt >= 0 && (symAt < 0 || wordAt < symAt)) {
                String word = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                op = switch (word) {
                    case "is not missing" -> Operator.IS_NOT_MISSING;
                    case "is missing" -> Operator.IS_MISSING;
                    case "contains" -> Operator.CONTAINS;
                    default -> Operator.IN;
                };
                lhs = hay.substring(0, wordAt);
                rhs = hay.substring(m.end());
            } else if (symAt >= 0) {
                op = switch (sym) {
                    case ">=", "≥" -> Operator.GE;
                    case "<=", "≤" -> Operator.LE;
                    case "!=", "<>", "≠" -> Operator.NE;
                    case "<" -> Operator.LT;
                    case ">" -> Operator.GT;
                    default -> Operator.EQ;
                };
                lhs = hay.substring(0, symAt);
                rhs = hay.substring(symAt + sym.length());
            } else {
                throw new UserException("eda.filter.noOperatorIn", text);
            }
            if (column == null) column = lhs.strip();
            else if (!lhs.isBlank()) throw new UserException("eda.filter.syntax", text);
            if (column.isEmpty()) throw new UserException("eda.filter.noColumnIn", text);
            rhs = rhs.strip();
            List<String> values;
            if (!op.needsValue()) {
                if (!rhs.isEmpty()) throw new UserException("eda.filter.syntax", text);
                values = List.of();
            } else if (op == Operator.IN) {
                values = splitList(rhs, text);
            } else {
                if (rhs.isEmpty()) throw new UserException("eda.filter.valueExpected", column, op.symbol());
                values = List.of(unquote(rhs, text));
            }
            return new Condition(column, op, values);
        }

        private static String unquote(String v, String text) {
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1).replace("\"\"", "\"");
            }
            if (v.startsWith("\"")) throw new UserException("eda.filter.syntax", text);
            return v;
        }

        private static List<String> splitList(String rhs, String text) {
            String s = rhs;
            if (s.startsWith("{") && s.endsWith("}") || s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1);
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') { cur.append('"'); i++; }
                    else quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    out.add(cur.toString().strip());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            if (quoted) throw new UserException("eda.filter.syntax", text);
            out.add(cur.toString().strip());
            if (out.stream().anyMatch(String::isEmpty)) throw new UserException("eda.filter.emptyListValue", text);
            return out;
        }

        /** Text form that {@link #parse} reads back, e.g. {@code age >= 30}, {@code code in 02,28}. */
        @Override
        public String toString() {
            String col = column.matches(".*[=<>!≠≤≥`\\s].*") ? "`" + column + "`" : column;
            if (!op.needsValue()) return col + " " + op.symbol();
            List<String> vs = values.stream().map(v -> v.contains(",") || v.contains("\"") || !v.equals(v.strip())
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v).toList();
            return col + " " + op.symbol() + " " + String.join(",", vs);
        }

        // ---- evaluation ----

        RowTest compile(Dataset ds) {
            Column c = EdaData.column(ds, column);
            if (op == Operator.IS_MISSING) return c::isMissing;
            if (op == Operator.IS_NOT_MISSING) return r -> !c.isMissing(r);
            if (op == Operator.CONTAINS) {
                String needle = value().toLowerCase(Locale.ROOT);
                if (c instanceof StringColumn s) {
                    String[] dict = s.dictionary();
                    boolean[] hit = new boolean[dict.length];
                    for (int i = 0; i < dict.length; i++) hit[i] = dict[i].toLowerCase(Locale.ROOT).contains(needle);
                    int[] codes = s.rawCodes();
                    return r -> !s.isMissing(r) && hit[codes[r]];
                }
                return r -> !c.isMissing(r) && c.format(r).toLowerCase(Locale.ROOT).contains(needle);
            }
            if (op.isOrder() && !EdaData.isNumericLike(c.type())) {
                throw new UserException("eda.filter.orderNeedsNumber", column, op.display(), c.type().key());
            }
            return switch (c) {
                case StringColumn s -> {
                    Set<String> wanted = new HashSet<>(values);
                    String[] dict = s.dictionary();
                    boolean[] hit = new boolean[dict.length];
                    for (int i = 0; i < dict.length; i++) hit[i] = wanted.contains(dict[i]);
                    int[] codes = s.rawCodes();
                    boolean ne = op == Operator.NE;
                    yield r -> !s.isMissing(r) && (hit[codes[r]] != ne);
                }
                case BooleanColumn b -> {
                    boolean[] want = new boolean[2];
                    for (String v : values) want[parseBoolean(b, v) ? 1 : 0] = true;
                    boolean ne = op == Operator.NE;
                    yield r -> !b.isMissing(r) && (want[b.getBoolean(r) ? 1 : 0] != ne);
                }
                case DoubleColumn d -> {
                    double[] v = d.rawValues();
                    double[] targets = values.stream().mapToDouble(this::parseNumber).toArray();
                    yield r -> !d.isMissing(r) && compare(v[r], targets);
                }
                case LongColumn l -> {
                    long[] v = l.rawValues();
                    double[] targets = values.stream().mapToDouble(this::parseNumber).toArray();
                    yield r -> !l.isMissing(r) && compare(v[r], targets);
                }
                case DateColumn d -> {
                    int[] v = d.rawValues();
                    double[] targets = values.stream().mapToDouble(this::parseDate).toArray();
                    yield r -> !d.isMissing(r) && compare(v[r], targets);
                }
                case DateTimeColumn d -> {
                    long[] v = d.rawValues();
                    double[] targets = values.stream().mapToDouble(this::parseDateTime).toArray();
                    yield r -> !d.isMissing(r) && compare(v[r], targets);
                }
            };
        }

        private boolean compare(double x, double[] t) {
            return switch (op) {
                case EQ -> x == t[0];
                case NE -> x != t[0];
                case LT -> x < t[0];
                case LE -> x <= t[0];
                case GT -> x > t[0];
                case GE -> x >= t[0];
                case IN -> {
                    for (double v : t) if (x == v) yield true;
                    yield false;
                }
                default -> throw new IllegalStateException(op.name());
            };
        }

        private double parseNumber(String v) {
            try {
                double d = Double.parseDouble(v.strip());
                if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException(v);
                return d;
            } catch (NumberFormatException e) {
                throw new UserException("eda.filter.badNumber", column, v);
            }
        }

        private double parseDate(String v) {
            try {
                return LocalDate.parse(v.strip()).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new UserException("eda.filter.badDate", column, v);
            }
        }

        private double parseDateTime(String v) {
            String s = v.strip();
            try {
                if (s.length() == 10) return DateTimeColumn.toMillis(LocalDate.parse(s).atStartOfDay());
                return DateTimeColumn.toMillis(LocalDateTime.parse(s.replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                throw new UserException("eda.filter.badDateTime", column, v);
            }
        }

        /** The column's own words ("Yes", "S"…) or the usual true/false words. */
        private boolean parseBoolean(BooleanColumn b, String v) {
            Boolean t = b.truthOf(v);
            if (t == null) throw new UserException("eda.filter.badBoolean", column, v, b.trueLabel(), b.falseLabel());
            return t;
        }
    }
}
