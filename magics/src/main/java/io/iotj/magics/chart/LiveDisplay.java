package io.iotj.magics.chart;

import io.iotj.display.Display;
import io.iotj.display.MimeBundle;
import io.iotj.kernel.output.OutputContext;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shows a display below the current cell and keeps it up to date with the live tables' rules
 * (through {@link io.iotj.magics.live.LiveDisplays}): at most four updates a second, nothing sent
 * while {@code version} stays the same, one final update once {@code finished} holds.
 */
final class LiveDisplay {
    private LiveDisplay() {
    }

    /** Shows {@code content} now and returns the display id. */
    static String show(Supplier<MimeBundle> content, LongSupplier version, BooleanSupplier finished) {
        ChartSession s = ChartSession.current();
        if (s == null) {
            return Display.display(content.get());
        }
        // Updates come from the scheduler's thread: they must go to the cell that showed the display.
        OutputContext ctx = s.kernel().currentOutput();
        String id = s.kernel().display(content.get());
        s.displays().start(version, finished,
                () -> OutputContext.runWith(ctx, () -> s.kernel().updateDisplay(id, content.get())));
        return id;
    }
}
