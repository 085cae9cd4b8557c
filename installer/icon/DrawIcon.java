import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Segmenta application icon: a rounded tile with a donut chart cut into four customer
 * segments, one of them pulled out (the segment being targeted).
 *
 * <p>Run with any JDK 11+ (single-file source launcher, no display needed):
 * {@code java -Djava.awt.headless=true installer/icon/DrawIcon.java installer/icon/segmenta.png [size]}.
 * The picture is painted at four times the requested size and scaled down in halving steps so
 * edges stay smooth.
 */
public final class DrawIcon {
    private DrawIcon() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java DrawIcon.java OUTPUT.png [SIZE]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int size = args.length == 2 ? Integer.parseInt(args[1]) : 256;
        BufferedImage big = paint(size * 4);
        BufferedImage small = downscale(downscale(big));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(small, "png", out.toFile())) throw new IOException("no PNG writer");
        System.out.println("wrote " + out + " (" + small.getWidth() + "x" + small.getHeight() + ")");
    }

    static BufferedImage paint(int s) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setComposite(AlphaComposite.Src);
        g.setColor(new Color(0, 0, 0, 0));
        g.fillRect(0, 0, s, s);
        g.setComposite(AlphaComposite.SrcOver);

        // Tile: 6 % margin, rounded corners, dark indigo to teal diagonal.
        double m = s * 0.06;
        double side = s - 2 * m;
        RoundRectangle2D tile = new RoundRectangle2D.Double(m, m, side, side, side * 0.36, side * 0.36);
        g.setPaint(new GradientPaint((float) m, (float) m, new Color(0x1E, 0x2A, 0x5A),
                (float) (m + side), (float) (m + side), new Color(0x0E, 0x7C, 0x86)));
        g.fill(tile);
        // Soft light from the top edge.
        g.setPaint(new GradientPaint(0f, (float) m, new Color(255, 255, 255, 46),
                0f, (float) (m + side * 0.55), new Color(255, 255, 255, 0)));
        g.fill(tile);

        double cx = s / 2.0;
        double cy = s / 2.0;
        double outer = s * 0.30;
        double inner = s * 0.155;
        double gapDeg = 5.0;
        // start angle (degrees, counter-clockwise from 3 o'clock), extent, colour, pulled out?
        Object[][] segments = {
            {20.0, 130.0, new Color(0x4F, 0xC3, 0xF7), false},
            {150.0, 95.0, new Color(0x81, 0xC7, 0x84), false},
            {245.0, 70.0, new Color(0xFF, 0xD5, 0x4F), false},
            {315.0, 65.0, new Color(0xFF, 0x70, 0x43), true},
        };
        for (Object[] seg : segments) {
            double start = (Double) seg[0] + gapDeg / 2;
            double extent = (Double) seg[1] - gapDeg;
            boolean pulled = (Boolean) seg[3];
            double mid = Math.toRadians(start + extent / 2);
            double push = pulled ? s * 0.045 : 0;
            double dx = Math.cos(mid) * push;
            double dy = -Math.sin(mid) * push;
            double r = pulled ? outer * 1.06 : outer;
            Area ring = new Area(new Arc2D.Double(cx - r + dx, cy - r + dy, 2 * r, 2 * r, start, extent, Arc2D.PIE));
            ring.subtract(new Area(new Ellipse2D.Double(cx - inner + dx, cy - inner + dy, 2 * inner, 2 * inner)));
            // Drop shadow, then the segment.
            g.setColor(new Color(0, 0, 0, 60));
            Area shadow = ring.createTransformedArea(java.awt.geom.AffineTransform.getTranslateInstance(0, s * 0.012));
            g.fill(shadow);
            g.setColor((Color) seg[2]);
            g.fill(ring);
        }

        // Centre: a small white target dot with a ring, the "aim" at the pulled-out segment.
        double dot = s * 0.055;
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new Ellipse2D.Double(cx - dot, cy - dot, 2 * dot, 2 * dot));
        g.setStroke(new BasicStroke((float) (s * 0.016)));
        double ringR = s * 0.105;
        g.setColor(new Color(255, 255, 255, 150));
        g.draw(new Ellipse2D.Double(cx - ringR, cy - ringR, 2 * ringR, 2 * ringR));
        g.dispose();
        return img;
    }

    static BufferedImage downscale(BufferedImage src) {
        int w = src.getWidth() / 2;
        int h = src.getHeight() / 2;
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setComposite(AlphaComposite.Src);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }
}
