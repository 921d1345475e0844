package io.iotj.magics.chart;

import io.iotj.display.MimeBundle;
import io.iotj.magics.html.Xml;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress bar below the cell for long work (training over many windows), updated in place at
 * most four times a second and once more when the work is done:
 *
 * <pre>{@code
 * Progress p = progress("training", windows.size());
 * for (var w : windows) { fit(w); p.step(); }   // done when the count reaches the total
 * }</pre>
 *
 * A total of 0 or less means unknown: the bar then shows the count only, until {@link #done()}.
 * {@link #step()} is a counter increment, cheap enough for a tight loop and safe from any thread.
 */
public final class Progress {
    private final String label;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private final AtomicLong count = new AtomicLong();
    private volatile boolean done;
    private volatile long finishedAt;
    private volatile String displayId;

    /** A bar for {@code total} steps; not shown until {@link #show()}. */
    public Progress(String label, long total) {
        this(label, total, System::nanoTime);
    }

    Progress(String label, long total, LongSupplier clock) {
        this.label = label == null ? "" : label;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /** Shows the bar below the current cell; it updates itself until done. */
    public synchronized Progress show() {
        if (displayId == null) {
            displayId = LiveDisplay.show(this::display, this::version, this::isDone);
        }
        return this;
    }

    /** One step done. */
    public void step() {
        step(1);
    }

    /** {@code n} steps done; reaching the total finishes the bar. */
    public void step(long n) {
        long c = count.addAndGet(n);
        if (total > 0 && c >= total) {
            done();
        }
    }

    /** The work is over (also when stopped early): the bar gets its final state. */
    public void done() {
        if (!done) {
            finishedAt = clock.getAsLong();
            done = true;
        }
    }

    /** True once done. */
    public boolean isDone() {
        return done;
    }

    /** Steps done so far. */
    public long count() {
        return count.get();
    }

    /** The total, or 0 or less when unknown. */
    public long total() {
        return total;
    }

    /** The display id once shown, else null. */
    public String displayId() {
        return displayId;
    }

    long version() {
        return count.get() * 2 + (done ? 1 : 0);
    }

    /** The bar as HTML and text. */
    public MimeBundle display() {
        return new MimeBundle().put(MimeBundle.HTML, html()).put(MimeBundle.TEXT, text());
    }

    /** The bar as HTML: a {@code <progress>} element and a line of figures. */
    public String html() {
        long c = count.get();
        StringBuilder sb = new StringBuilder(256);
        sb.append("<div class=\"iotj-progress\" data-count=\"").append(c).append("\" data-done=\"")
                .append(done).append("\"><progress style=\"width:320px\"");
        if (total > 0) {
            sb.append(" max=\"").append(total).append("\" value=\"").append(Math.min(c, total)).append('"');
        } else if (done) {
            sb.append(" max=\"1\" value=\"1\"");
        }
        sb.append("></progress> ").append(Xml.escape(figures(c))).append("</div>");
        return sb.toString();
    }

    /** The bar as one line of text. */
    public String text() {
        long c = count.get();
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, c * width / total) : done ? width : 0;
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + figures(c);
    }

    private String figures(long c) {
        long end = done ? finishedAt : clock.getAsLong();
        double seconds = (end - started) / 1e9;
        StringBuilder sb = new StringBuilder(label);
        if (!label.isEmpty()) {
            sb.append(": ");
        }
        sb.append(c);
        if (total > 0) {
            sb.append(" / ").append(total).append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, c * 100 / total)));
        }
        sb.append(String.format(Locale.ROOT, ", %.1f s", seconds));
        if (done) {
            sb.append(", done");
        } else if (total > 0 && c > 0 && c < total) {
            sb.append(String.format(Locale.ROOT, ", about %.0f s left", seconds * (total - c) / c));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
