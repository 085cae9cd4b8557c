package io.segmenta.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte strings to dense int codes without creating a String per value: an open-addressing hash
 * table over a growing byte pool. Strings are only created once per distinct value, at the end.
 */
final class ByteDictionary {
    private byte[] pool = new byte[1 << 12];
    private int poolSize;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private int[] hashes = new int[256];
    private int size;
    private int[] table = new int[512]; // code + 1, 0 = empty
    private int mask = 511;

    int size() { return size; }

    int intern(byte[] b, int s, int e) {
        int len = e - s;
        int h = 0x811C9DC5;
        for (int i = s; i < e; i++) h = (h ^ b[i]) * 0x01000193;
        h ^= h >>> 16;
        int slot = h & mask;
        while (true) {
            int t = table[slot];
            if (t == 0) break;
            int code = t - 1;
            if (hashes[code] == h && lengths[code] == len && same(offsets[code], b, s, len)) return code;
            slot = (slot + 1) & mask;
        }
        int code = size++;
        if (code == offsets.length) {
            int n = offsets.length * 2;
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        if (poolSize + len > pool.length) pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        System.arraycopy(b, s, pool, poolSize, len);
        offsets[code] = poolSize;
        lengths[code] = len;
        hashes[code] = h;
        poolSize += len;
        table[slot] = code + 1;
        if (size * 2 > table.length) rehash();
        return code;
    }

    private boolean same(int off, byte[] b, int s, int len) {
        final byte[] p = pool;
        for (int k = 0; k < len; k++) if (p[off + k] != b[s + k]) return false;
        return true;
    }

    /** Interns every entry of {@code other}; returns the code map from other's codes to this dictionary's. */
    int[] merge(ByteDictionary other) {
        int[] map = new int[other.size];
        for (int c = 0; c < other.size; c++) map[c] = intern(other.pool, other.offsets[c], other.offsets[c] + other.lengths[c]);
        return map;
    }

    private void rehash() {
        int n = table.length * 2;
        table = new int[n];
        mask = n - 1;
        for (int c = 0; c < size; c++) {
            int slot = hashes[c] & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = c + 1;
        }
    }

    String[] strings() {
        String[] out = new String[size];
        for (int c = 0; c < size; c++) out[c] = new String(pool, offsets[c], lengths[c], StandardCharsets.UTF_8);
        return out;
    }
}
