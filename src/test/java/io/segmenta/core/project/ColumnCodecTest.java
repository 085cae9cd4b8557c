package io.segmenta.core.project;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnCodecTest {

    @Test
    void primitivesAreLittleEndianAndRoundTripASlice() {
        long[] longs = {0x0102030405060708L, -1, 42};
        byte[] b = ColumnCodec.encodeLongs(longs, 0, 3);
        assertThat(b).hasSize(24);
        assertThat(b[0]).isEqualTo((byte) 0x08);
        assertThat(b[7]).isEqualTo((byte) 0x01);
        long[] back = new long[5];
        ColumnCodec.decodeLongs(ColumnCodec.encodeLongs(longs, 1, 2), back, 3, 2);
        assertThat(back).containsExactly(0, 0, 0, -1, 42);

        double[] doubles = {Double.NaN, -0.0, 1e300};
        double[] d = new double[3];
        ColumnCodec.decodeDoubles(ColumnCodec.encodeDoubles(doubles, 0, 3), d, 0, 3);
        assertThat(Double.doubleToRawLongBits(d[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(d[0]).isNaN();
        assertThat(d[2]).isEqualTo(1e300);

        int[] ints = {-1, Integer.MIN_VALUE, 0x01020304};
        byte[] ib = ColumnCodec.encodeInts(ints, 0, 3);
        assertThat(ib[8]).isEqualTo((byte) 0x04);
        int[] i = new int[3];
        ColumnCodec.decodeInts(ib, i, 0, 3);
        assertThat(i).containsExactly(ints);
    }

    @Test
    void wrongLengthsAreCorrupt() {
        assertThatThrownBy(() -> ColumnCodec.decodeLongs(new byte[15], new long[2], 0, 2))
                .isInstanceOf(ProjectDamage.class);
        assertThatThrownBy(() -> ColumnCodec.decodeInts(null, new int[2], 0, 2))
                .isInstanceOf(ProjectDamage.class);
    }

    @Test
    void bitChunksDropBitsPastTheChunkAndRejectThemWhenDecoding() {
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(63);
        bits.set(64);
        bits.set(70);
        bits.set(200);
        byte[] chunk = ColumnCodec.encodeBits(bits, 64, 7); // rows 64..70
        assertThat(chunk).hasSize(8);
        long[] words = new long[2];
        ColumnCodec.decodeBitWords(chunk, words, 1, 7);
        assertThat(BitSet.valueOf(words)).isEqualTo(ProjectFixtures.bits(64, 70));

        byte[] first = ColumnCodec.encodeBits(bits, 0, 63); // bit 63 is past the chunk
        long[] w = new long[1];
        ColumnCodec.decodeBitWords(first, w, 0, 63);
        assertThat(w[0]).isEqualTo(1L);

        byte[] dirty = ColumnCodec.encodeLongs(new long[]{1L << 10}, 0, 1);
        assertThatThrownBy(() -> ColumnCodec.decodeBitWords(dirty, new long[1], 0, 5))
                .isInstanceOf(ProjectDamage.class);
        assertThatThrownBy(() -> ColumnCodec.encodeBits(bits, 3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ColumnCodec.encodeBits(new BitSet(), 0, 0)).isEmpty();
    }

    @Test
    void dictionariesRoundTripUnicodeAndEmptyStrings() {
        String[] dict = {"", "Cádiz", "Logroño", "日本語 🙂", "a\u0000b", "x".repeat(70_000)};
        assertThat(ColumnCodec.decodeDictionary(ColumnCodec.encodeDictionary(dict))).containsExactly(dict);
        assertThat(ColumnCodec.decodeDictionary(ColumnCodec.encodeDictionary(new String[0]))).isEmpty();
    }

    @Test
    void damagedDictionariesAreCorrupt() {
        byte[] ok = ColumnCodec.encodeDictionary(new String[]{"abc", "de"});
        assertThatThrownBy(() -> ColumnCodec.decodeDictionary(java.util.Arrays.copyOf(ok, ok.length - 1)))
                .isInstanceOf(ProjectDamage.class);
        assertThatThrownBy(() -> ColumnCodec.decodeDictionary(java.util.Arrays.copyOf(ok, ok.length + 1)))
                .isInstanceOf(ProjectDamage.class);
        assertThatThrownBy(() -> ColumnCodec.decodeDictionary(new byte[]{1, 0}))
                .isInstanceOf(ProjectDamage.class);
        assertThatThrownBy(() -> ColumnCodec.decodeDictionary(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}))
                .isInstanceOf(ProjectDamage.class);
    }
}
