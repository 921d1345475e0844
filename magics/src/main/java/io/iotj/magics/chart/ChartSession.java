package io.iotj.magics.chart;

import io.iotj.kernel.KernelContext;
import io.iotj.magics.live.LiveDisplays;

/**
 * The kernel a chart or progress bar shows itself in, and the scheduler that keeps live displays
 * up to date; installed by {@link ChartExtension} when the kernel starts. Outside a kernel there is
 * none and displays fall back to {@link io.iotj.display.Display} (plain text on standard output).
 */
record ChartSession(KernelContext kernel, LiveDisplays displays) {
    private static volatile ChartSession current;

    static ChartSession current() {
        return current;
    }

    static void install(ChartSession session) {
        current = session;
    }
}
