package io.iotj.kernel.output;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class OutputRouterTest {
    record Sent(OutputContext ctx, StreamName stream, String text) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final ByteArrayOutputStream kernelLog = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(kernelLog, true, StandardCharsets.UTF_8);
    private final OutputRouter router = new OutputRouter(this::record, logStream, logStream, 5);

    private synchronized void record(OutputContext ctx, StreamName stream, String text) {
        sent.add(new Sent(ctx, stream, text));
    }

    private synchronized List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    @AfterEach
    void close() {
        router.close();
        OutputContext.setLastCell(null);
    }

    @Test
    void aBurstOfPrintlnBecomesFewMessagesInOrder() {
        OutputContext cell = new OutputContext("request-1", "cell 1");
        PrintStream out = router.printStream(StreamName.STDOUT);
        OutputContext.runWith(cell, () -> {
            for (int i = 0; i < 2000; i++) out.println("line " + i);
        });
        router.flush(cell);
        List<Sent> messages = sent();
        assertTrue(messages.size() <= 20, "2000 println calls gave " + messages.size() + " messages");
        String all = messages.stream().map(Sent::text).collect(Collectors.joining());
        String expected = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "line " + i + System.lineSeparator())
                .collect(Collectors.joining());
        assertEquals(expected, all);
        assertTrue(messages.stream().allMatch(m -> m.ctx == cell && m.stream == StreamName.STDOUT));
    }

    @Test
    void stdoutAndStderrKeepTheirInterleaving() {
        OutputContext cell = new OutputContext("request-2", "cell 2");
        PrintStream out = router.printStream(StreamName.STDOUT);
        PrintStream err = router.printStream(StreamName.STDERR);
        OutputContext.runWith(cell, () -> {
            out.print("a");
            out.print("b");
            err.print("c");
            out.print("d");
        });
        router.flush(cell);
        assertEquals(List.of(new Sent(cell, StreamName.STDOUT, "ab"), new Sent(cell, StreamName.STDERR, "c"),
                new Sent(cell, StreamName.STDOUT, "d")), sent());
    }

    @Test
    void aThreadStartedByACellPrintsIntoThatCellAfterTheCellEnded() throws Exception {
        OutputContext first = new OutputContext("request-3", "cell 3");
        OutputContext second = new OutputContext("request-4", "cell 4");
        PrintStream out = router.printStream(StreamName.STDOUT);
        CountDownLatch firstEnded = new CountDownLatch(1);
        Thread[] background = new Thread[1];
        OutputContext.runWith(first, () -> {
            background[0] = new Thread(() -> {
                try {
                    firstEnded.await();
                } catch (InterruptedException e) {
                    return;
                }
                out.println("late");
            });
            background[0].start();
        });
        router.flush(first);
        OutputContext.setLastCell(second);
        OutputContext.runWith(second, () -> {
            firstEnded.countDown();
            out.println("second");
        });
        background[0].join(5000);
        router.flush(second);
        waitFor(() -> sent().size() == 2);
        assertTrue(sent().contains(new Sent(first, StreamName.STDOUT, "late" + System.lineSeparator())));
        assertTrue(sent().contains(new Sent(second, StreamName.STDOUT, "second" + System.lineSeparator())));
    }

    @Test
    void theFlusherSendsTextWithoutAnExplicitFlush() throws Exception {
        OutputContext cell = new OutputContext("request-5", "cell 5");
        OutputContext.runWith(cell, () -> router.printStream(StreamName.STDERR).print("soon"));
        waitFor(() -> !sent().isEmpty());
        assertEquals(List.of(new Sent(cell, StreamName.STDERR, "soon")), sent());
    }

    @Test
    void threadsWithoutAContextPrintIntoTheLastCell() throws Exception {
        OutputContext cell = new OutputContext("request-6", "cell 6");
        OutputContext.setLastCell(cell);
        Thread t = new Thread(() -> router.printStream(StreamName.STDOUT).print("orphan"));
        OutputContext.runWith(null, t::start);
        t.join();
        router.flush(cell);
        assertEquals(List.of(new Sent(cell, StreamName.STDOUT, "orphan")), sent());
    }

    @Test
    void withoutAnyContextTextGoesToTheKernelLog() {
        router.printStream(StreamName.STDOUT).print("nobody's");
        assertEquals("nobody's", kernelLog.toString(StandardCharsets.UTF_8));
        assertTrue(sent().isEmpty());
    }

    @Test
    void multiByteCharactersSplitAcrossWritesArriveWhole() {
        OutputContext cell = new OutputContext("request-7", "cell 7");
        byte[] bytes = "π€😀".getBytes(StandardCharsets.UTF_8);
        OutputContext.runWith(cell, () -> {
            for (byte b : bytes) router.printStream(StreamName.STDOUT).write(b);
        });
        router.flush(cell);
        assertEquals("π€😀", sent().stream().map(Sent::text).collect(Collectors.joining()));
    }

    @Test
    void aRunawayPrinterIsSentWhileItPrintsSoMemoryStaysBounded() {
        OutputContext cell = new OutputContext("request-8", "cell 8");
        String line = "x".repeat(1000);
        OutputContext.runWith(cell, () -> {
            for (int i = 0; i < 3000; i++) router.printStream(StreamName.STDOUT).println(line);
            assertTrue(cell.buffer.pendingChars() <= OutputRouter.MAX_PENDING_CHARS + 2000);
        });
        router.flush(cell);
        assertEquals(3000L * (1000 + System.lineSeparator().length()),
                sent().stream().mapToLong(s -> s.text.length()).sum());
    }

    @Test
    void closingWhileTheFlusherGathersABurstStillSendsIt() throws Exception {
        List<Sent> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        OutputRouter slow = new OutputRouter((c, s, t) -> got.add(new Sent(c, s, t)), logStream, logStream, 60_000);
        OutputContext cell = new OutputContext("request-9", "cell 9");
        slow.write(cell, StreamName.STDOUT, "last words\n");
        waitFor(() -> slow.queued() == 0); // the flusher took the cell and lingers
        slow.close();
        assertEquals(List.of(new Sent(cell, StreamName.STDOUT, "last words\n")), got);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(2);
        assertTrue(condition.getAsBoolean(), "condition not met within 5 s");
    }
}
