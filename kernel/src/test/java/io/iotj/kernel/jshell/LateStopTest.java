package io.iotj.kernel.jshell;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** An interrupt that arrives as a cell ends must not stop the threads that cell left running. */
class LateStopTest {
    private final CellExecutionControl control = new CellExecutionControl(
            new SnippetLoaderDelegate(getClass().getClassLoader()), Duration.ofSeconds(1));

    @Test
    void aStopThatArrivesAfterTheCellEndedLeavesItsThreadsRunning() {
        CellRun run = new CellRun(new CellToken(7));
        control.begin(run);
        control.end(run);
        // The interrupt read the running cell just before it ended, and stops it just after.
        assertFalse(CellExecutionControl.stopCell(run), "the cell had ended");
        assertFalse(run.token.stopRequested());

        StopCheck.enter(run.token); // a thread the cell started carries its token
        try {
            assertFalse(StopCheck.currentCellStopping(), "a background thread of the ended cell would be stopped");
            StopCheck.check();
        } finally {
            StopCheck.leave();
        }
    }

    @Test
    void aStopWhileTheCellRunsStillStopsIt() {
        CellRun run = new CellRun(new CellToken(8));
        control.begin(run);
        try {
            assertTrue(control.stopCurrent());
            assertTrue(run.token.stopRequested());
        } finally {
            control.end(run);
            StopCheck.stopFinished(run.token);
        }
    }
}
