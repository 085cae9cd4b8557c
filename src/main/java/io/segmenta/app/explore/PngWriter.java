package io.segmenta.app.explore;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A small PNG encoder for chart pictures: 8-bit RGBA, no interlace, each scanline with the "Sub" filter,
 * zlib-compressed. Written by hand because the application ships without javafx-swing (no SwingFXUtils)
 * and must not depend on AWT's ImageIO being in a trimmed runtime.
 */
final class PngWriter {
    private PngWriter() { }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Writes {@code argb} (row by row, {@code width × height} pixels, as JavaFX's IntArgb) to {@code file}. */
    static void write(Path file, int width, int height, int[] argb) {
        byte[] png = encode(width, height, argb);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.write(tmp, png);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "×" + height);
        if (argb.length < (long) width * height) throw new IllegalArgumentException("too few pixels");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * height + 1024);
            out.write(SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8);  // bit depth
            h.writeByte(6);  // colour type RGBA
            h.writeByte(0);  // deflate
            h.writeByte(0);  // adaptive filtering
            h.writeByte(0);  // no interlace
            chunk(out, "IHDR", ihdr.toByteArray());

            ByteArrayOutputStream idat = new ByteArrayOutputStream(width * height);
            Deflater deflater = new Deflater(6);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] line = new byte[1 + width * 4];
                byte[] raw = new byte[width * 4];
                for (int y = 0; y < height; y++) {
                    int row = y * width;
                    for (int x = 0; x < width; x++) {
                        int p = argb[row + x];
                        int i = x * 4;
                        raw[i] = (byte) (p >>> 16);
                        raw[i + 1] = (byte) (p >>> 8);
                        raw[i + 2] = (byte) p;
                        raw[i + 3] = (byte) (p >>> 24);
                    }
                    line[0] = 1; // Sub: each byte minus the same byte of the pixel to the left
                    for (int i = 0; i < raw.length; i++) line[1 + i] = (byte) (raw[i] - (i >= 4 ? raw[i - 4] : 0));
                    z.write(line);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ByteArrayOutputStream does not throw
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
