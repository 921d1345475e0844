package io.iotj.stream;

/**
 * Chains operators that run in the same thread: the writer of a stream hands each value straight to
 * the stream's only reader, which handles it at once, instead of both going through the stream's
 * ring a batch at a time. Runtimes call this when they start a graph (the single-thread runtime
 * does); the hand-written push pipeline this imitates is several times faster than a ring per step
 * ({@code PathBenchmark}).
 *
 * <p>A chained stream holds no values (its {@link IotStream#count()} still counts every value that
 * passed); that is why runtimes chain only streams that nothing else reads: not a graph's input or
 * output, one reader, the one operator.
 */
public final class Chaining {
    private Chaining() {
    }

    /**
     * True when {@code down} can run inside {@code up}'s step: {@code up} writes exactly one stream,
     * that stream is {@code down}'s only input and has no reader but {@code down}, {@code up} can hand
     * its values on ({@code map}, {@code filter}, count windows, sources) and {@code down} handles
     * values one at a time ({@link Operator#chainable()}).
     */
    public static boolean canChain(Operator up, Operator down) {
        if (up == down || !(up instanceof Chainer) || !down.chainable() || up.outputs().size() != 1
                || down.inputs().size() != 1) {
            return false;
        }
        IotStream<?> s = up.outputs().get(0);
        return down.inputs().get(0) == s && s.consumers().size() == 1 && s.consumers().get(0) == down
                && s.readerCount() == 1 && s.count() == 0;
    }

    /**
     * Chains {@code down} behind {@code up} (check {@link #canChain} first). From now on {@code up}'s
     * values go to {@code down} directly, and {@code down} runs in the thread that runs {@code up}.
     */
    public static void chain(Operator up, Operator down) {
        if (!canChain(up, down)) {
            throw new IllegalArgumentException("cannot chain " + down + " behind " + up);
        }
        up.outputs().get(0).passThrough(down);
        ((Chainer) up).downstream(down.pushTarget());
    }

    /** An operator that writes its one output through a {@link Downstream}, so a runtime may redirect it. */
    interface Chainer {
        void downstream(Downstream d);
    }
}
