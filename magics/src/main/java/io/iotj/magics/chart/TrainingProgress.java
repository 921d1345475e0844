package io.iotj.magics.chart;

import io.iotj.display.MimeBundle;
import io.iotj.graph.Part;
import io.iotj.magics.html.Xml;
import io.iotj.runtime.ExecutionHook;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Progress of the {@code train} parts of one graph, so long training is not a silent cell: once a
 * stretch of a train part's work took longer than {@value #SLOW_MILLIS} ms, a line appears below
 * the {@code %assemble} cell and keeps itself up to date (at most four times a second): the models
 * trained so far, how long the current window has been training, the longest stretch; and a final
 * state when the graph stops or fails. Fast training shows nothing.
 *
 * <p>It watches through the runtime's {@link ExecutionHook}: {@link #wrap} the graph's hook before
 * the graph starts, then tell it when the graph is over with {@link #until}.
 */
public final class TrainingProgress {
    /** Training stretches longer than this show the progress line. */
    public static final long SLOW_MILLIS = 1000;
    private static final String TRAIN = "train";

    private final LongSupplier clock;
    private final Map<String, Activity> parts = new ConcurrentHashMap<>();
    private volatile BooleanSupplier finished = () -> false;

    /** Progress on the system clock. */
    public TrainingProgress() {
        this(System::nanoTime);
    }

    TrainingProgress(LongSupplier clock) {
        this.clock = clock;
    }

    /** {@code inner} with the train parts' work timed. */
    public ExecutionHook wrap(ExecutionHook inner) {
        return (part, work) -> {
            if (!TRAIN.equals(part.template())) {
                inner.run(part, work);
                return;
            }
            Activity a = parts.computeIfAbsent(part.name(), n -> new Activity(part));
            a.begin();
            try {
                inner.run(part, work);
            } finally {
                a.end();
            }
        };
    }

    /** The graph is over once {@code done} holds: each shown line then gets its final state. */
    public void until(BooleanSupplier done) {
        this.finished = done;
    }

    /** The progress of part {@code name}, or null when it did no training work yet. */
    Activity activity(String name) {
        return parts.get(name);
    }

    /** One train part's training. */
    final class Activity {
        private final Part part;
        private long busySince = -1;
        private long longest;
        private long stretches;
        private boolean shown;

        Activity(Part part) {
            this.part = part;
        }

        synchronized void begin() {
            busySince = clock.getAsLong();
        }

        void end() {
            boolean show;
            synchronized (this) {
                long took = clock.getAsLong() - busySince;
                busySince = -1;
                stretches++;
                longest = Math.max(longest, took);
                show = !shown && took > SLOW_MILLIS * 1_000_000;
                shown |= show;
            }
            if (show) {
                // From the part's thread, which writes into the cell that started the graph.
                LiveDisplay.show(this::display, this::version, () -> finished.getAsBoolean());
            }
        }

        /** Models trained: values the part wrote. */
        long models() {
            return part.outputs().isEmpty() ? stretches : part.outputs().get(0).count();
        }

        /** Changes with the models trained, the busy state and, while busy, every tenth of a second. */
        synchronized long version() {
            long v = models() * 31 + stretches;
            if (busySince >= 0) {
                v = v * 31 + 1 + (clock.getAsLong() - busySince) / 100_000_000L;
            }
            return v * 2 + (finished.getAsBoolean() ? 1 : 0);
        }

        synchronized boolean shown() {
            return shown;
        }

        /** One line of figures. */
        synchronized String text() {
            StringBuilder sb = new StringBuilder(part.name()).append(": ").append(models()).append(" model")
                    .append(models() == 1 ? "" : "s").append(" trained");
            if (finished.getAsBoolean()) {
                sb.append(", graph over");
            } else if (busySince >= 0) {
                sb.append(String.format(Locale.ROOT, ", training for %.1f s", (clock.getAsLong() - busySince) / 1e9));
            } else {
                sb.append(", waiting for values");
            }
            sb.append(String.format(Locale.ROOT, "; longest %.1f s", longest / 1e9));
            return sb.toString();
        }

        MimeBundle display() {
            boolean busy;
            synchronized (this) {
                busy = busySince >= 0 && !finished.getAsBoolean();
            }
            // Without a value a <progress> element is indeterminate: it moves while training runs.
            String bar = busy ? "<progress style=\"width:160px\"></progress> "
                    : "<progress style=\"width:160px\" max=\"1\" value=\"1\"></progress> ";
            String html = "<div class=\"iotj-training\" data-part=\"" + Xml.escape(part.name()) + "\" data-busy=\""
                    + busy + "\">" + bar + Xml.escape(text()) + "</div>";
            return new MimeBundle().put(MimeBundle.HTML, html).put(MimeBundle.TEXT, text());
        }
    }
}
