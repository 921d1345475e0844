package io.iotj.ml;

import io.iotj.stream.DynamicWindow;
import io.iotj.stream.WindowListener;
import io.iotj.stream.WindowState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Trains a model over a {@link DynamicWindow} of a stream of rows and emits the model after each
 * window: the engine of the {@code train} template.
 *
 * <pre>{@code
 * Trainer<LinearFit> t = Trainer.of(TrainFunction.singleTarget(MyModels::fit), 2, 5, 30, 2);
 * for (double[] row : rows) for (LinearFit m : t.push(row)) use(m);
 * }</pre>
 *
 * <p>Rows hold the {@code numFeatures} feature columns first and the target columns after them. A
 * row that does not fit, or a training function that throws, raises an {@link MlException} naming
 * the row or window; the trainer stays usable and the failed window is skipped. Not thread-safe.
 *
 * @param <M> the model type
 */
public final class Trainer<M> {

    private final DynamicWindow<double[]> window;
    private final RowShape shape;
    private final boolean finiteOnly;
    private final List<M> emitted = new ArrayList<>(1);
    private M latest;

    private Trainer(WindowListener<double[]> listener, RowShape shape, boolean finiteOnly, int min, int max, int step) {
        // A reset shrinks the next window at once (not IoTpy's wait for the maximum): drift detected
        // while the window grows should not keep training on the old regime.
        this.window = new DynamicWindow<>(min, max, step, DynamicWindow.Reset.AT_ONCE, listener);
        this.shape = shape;
        this.finiteOnly = finiteOnly;
    }

    /**
     * A trainer that calls {@code function} with each window split into features and targets.
     *
     * @param numFeatures how many leading columns are features; the rest are targets (may be none)
     */
    public static <M> Trainer<M> of(TrainFunction<M> function, int numFeatures,
                                    int minWindowSize, int maxWindowSize, int stepSize) {
        Objects.requireNonNull(function, "function");
        var listener = new BatchListener<M>(function, numFeatures);
        var trainer = new Trainer<M>(listener, new RowShape(numFeatures, false), false,
                minWindowSize, maxWindowSize, stepSize);
        listener.trainer = trainer;
        return trainer;
    }

    /** A trainer driving an incremental function with the rows that enter and leave the window. */
    public static <M> Trainer<M> incremental(IncrementalTrainFunction<M> function,
                                             int minWindowSize, int maxWindowSize, int stepSize) {
        Objects.requireNonNull(function, "function");
        var listener = new IncrementalListener<M>(function);
        var trainer = new Trainer<M>(listener, new RowShape(function.numFeatures(), false, function.numColumns()), true,
                minWindowSize, maxWindowSize, stepSize);
        listener.trainer = trainer;
        return trainer;
    }

    /**
     * Adds the next row and returns the models of the windows it completed: usually none or one;
     * more than one after a reset. The returned list is fresh for each call.
     */
    public List<M> push(double[] row) {
        shape.check(row, finiteOnly);
        emitted.clear();
        window.push(row);
        return emitted.isEmpty() ? List.of() : List.copyOf(emitted);
    }

    /** The model of the last window, or {@code null} before the first window completes. */
    public M latest() {
        return latest;
    }

    /** Windows completed so far. */
    public long windows() {
        return window.windows();
    }

    /** Rows pushed so far. */
    public long rows() {
        return window.received();
    }

    private void emit(M model, WindowState state) {
        if (model == null) {
            throw new MlException("the training function returned no model for " + state);
        }
        latest = model;
        emitted.add(model);
    }

    private static MlException failure(WindowState state, RuntimeException e) {
        if (e instanceof MlException m) {
            return m;
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new MlException("the training function failed on " + state + ": " + msg, e);
    }

    /** Copies each window into x and y arrays for a plain training function. */
    private static final class BatchListener<M> implements WindowListener<double[]> {
        private final TrainFunction<M> function;
        private final int numFeatures;
        Trainer<M> trainer;

        BatchListener(TrainFunction<M> function, int numFeatures) {
            this.function = function;
            this.numFeatures = numFeatures;
        }

        @Override
        public void window(WindowState state) {
            int n = state.size();
            double[][] x = new double[n][];
            double[][] y = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] row = state.row(i);
                x[i] = Arrays.copyOf(row, numFeatures);
                y[i] = Arrays.copyOfRange(row, numFeatures, row.length);
            }
            M model;
            try {
                model = function.train(x, y, trainer.latest, state);
            } catch (RuntimeException e) {
                throw failure(state, e);
            }
            trainer.emit(model, state);
        }
    }

    /** Forwards entering and leaving rows to an incremental function. */
    private static final class IncrementalListener<M> implements WindowListener<double[]> {
        private final IncrementalTrainFunction<M> function;
        Trainer<M> trainer;

        IncrementalListener(IncrementalTrainFunction<M> function) {
            this.function = function;
        }

        @Override
        public void entered(double[] row) {
            function.entered(row);
        }

        @Override
        public void left(double[] row) {
            function.left(row);
        }

        @Override
        public void window(WindowState state) {
            M model;
            try {
                model = function.model(state);
            } catch (RuntimeException e) {
                throw failure(state, e);
            }
            trainer.emit(model, state);
        }
    }
}
