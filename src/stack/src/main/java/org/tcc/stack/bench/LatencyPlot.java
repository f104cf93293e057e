package org.tcc.stack.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A PNG line chart of latency against offered rate, both axes logarithmic (Java2D, headless). */
final class LatencyPlot {

    /** One line: its label, colour, dash and points (rate, milliseconds). */
    record Series(String label, Color color, boolean dashed, List<double[]> points) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private LatencyPlot() {
    }

    static void write(Path file, String title, List<Series> series) throws IOException {
        double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, Math.max(p[1], 0.5));
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (maxX == 0) {
            return;
        }
        double x0 = Math.floor(Math.log10(minX)), x1 = Math.ceil(Math.log10(maxX * 1.01));
        double y0 = Math.floor(Math.log10(minY)), y1 = Math.ceil(Math.log10(maxY * 1.01));
        if (x1 <= x0) {
            x1 = x0 + 1;
        }
        if (y1 <= y0) {
            y1 = y0 + 1;
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int d = (int) x0; d <= x1; d++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, d);
                if (Math.log10(v) > x1 + 1e-9) {
                    break;
                }
                int x = LEFT + (int) ((Math.log10(v) - x0) / (x1 - x0) * plotW);
                g.setColor(m == 1 ? new Color(200, 200, 200) : new Color(235, 235, 235));
                g.drawLine(x, TOP, x, TOP + plotH);
                g.setColor(Color.DARK_GRAY);
                g.drawString(number(v), x - 10, TOP + plotH + 18);
            }
        }
        for (int d = (int) y0; d <= y1; d++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, d);
                if (Math.log10(v) > y1 + 1e-9) {
                    break;
                }
                int y = TOP + plotH - (int) ((Math.log10(v) - y0) / (y1 - y0) * plotH);
                g.setColor(m == 1 ? new Color(200, 200, 200) : new Color(235, 235, 235));
                g.drawLine(LEFT, y, LEFT + plotW, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(number(v), LEFT - 50, y + 4);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.drawString("offered load (sensor reports per second, log scale)", LEFT + plotW / 2 - 150, HEIGHT - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("latency, ms (log scale)", -(TOP + plotH / 2 + 60), 22);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendY = TOP + 10;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2.2f));
            int px = -1, py = -1;
            for (double[] p : s.points()) {
                int x = LEFT + (int) ((Math.log10(p[0]) - x0) / (x1 - x0) * plotW);
                int y = TOP + plotH - (int) ((Math.log10(Math.max(p[1], 0.5)) - y0) / (y1 - y0) * plotH);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.drawLine(LEFT + plotW + 15, legendY, LEFT + plotW + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), LEFT + plotW + 52, legendY + 4);
            legendY += 22;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static String number(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
