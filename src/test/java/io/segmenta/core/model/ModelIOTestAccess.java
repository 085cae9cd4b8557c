package io.segmenta.core.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Test helpers to take a model file apart and put a doctored one together (checksum included). */
public final class ModelIOTestAccess {
    private ModelIOTestAccess() { }

    /** The JSON part of a model file. */
    public static String json(byte[] bytes) {
        int length = ByteBuffer.wrap(bytes).getInt(12);
        return new String(bytes, 16, length, StandardCharsets.UTF_8);
    }

    /** {@code bytes} with its JSON part replaced by {@code json} and the checksum recomputed. */
    public static byte[] withJson(byte[] bytes, String json) {
        int oldLength = ByteBuffer.wrap(bytes).getInt(12);
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, 12);
        out.writeBytes(ByteBuffer.allocate(4).putInt(j.length).array());
        out.writeBytes(j);
        out.write(bytes, 16 + oldLength, bytes.length - 8 - 16 - oldLength);
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
        return out.toByteArray();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
