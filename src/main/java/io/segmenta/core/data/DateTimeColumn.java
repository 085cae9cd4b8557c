package io.segmenta.core.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;

/** Local date-times (no zone) stored as epoch milliseconds read as UTC. */
public final class DateTimeColumn extends Column {
    private final long[] epochMillis;

    public DateTimeColumn(String name, long[] epochMillis, BitSet missing, boolean idLike) {
        super(name, epochMillis.length, missing, idLike);
        this.epochMillis = epochMillis;
    }

    public DateTimeColumn(String name, long[] epochMillis, BitSet missing) { this(name, epochMillis, missing, false); }

    @Override public ColumnType type() { return ColumnType.DATETIME; }

    public long getEpochMillis(int row) { return epochMillis[row]; }

    /** Direct access for fast loops; callers must not modify the array. */
    public long[] rawValues() { return epochMillis; }

    public static LocalDateTime toLocal(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    public static long toMillis(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
    }

    @Override public Object get(int row) { return isMissing(row) ? null : toLocal(epochMillis[row]); }

    @Override public String format(int row) {
        if (isMissing(row)) return "";
        LocalDateTime t = toLocal(epochMillis[row]);
        String s = t.toString().replace('T', ' ');
        return s.length() == 16 ? s + ":00" : s;
    }

    @Override public double getDouble(int row) { return isMissing(row) ? Double.NaN : epochMillis[row]; }

    @Override public Column withName(String n) { return new DateTimeColumn(n, epochMillis, rawMissing(), idLike()); }

    @Override public Column withIdLike(boolean id) { return new DateTimeColumn(name(), epochMillis, rawMissing(), id); }

    @Override public Column select(int[] rows) {
        long[] v = new long[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = epochMillis[rows[i]];
        return new DateTimeColumn(name(), v, selectMissing(rows), idLike());
    }
}
