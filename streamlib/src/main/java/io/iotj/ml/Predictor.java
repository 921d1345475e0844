package io.iotj.ml;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the latest model to each input row: the engine of the {@code predict} template. Models
 * arrive with {@link #model(Object)} (from a {@link Trainer}'s model stream); rows with
 * {@link #predict(double[])}, possibly on another thread; each row is predicted with the latest
 * model set before it. Only the first {@code numFeatures} columns of a row reach the
 * prediction function, so rows may carry the actual target after them.
 *
 * @param <M> the model type
 * @param <R> the prediction type
 */
public final class Predictor<M, R> {

    private final RowPredictFunction<M, R> function;
    private final RowShape shape;
    private final boolean needsRest;
    private volatile M model; // models may arrive on another thread than rows in a threaded runtime
    private long rows;

    /** A predictor whose function sees the first {@code numFeatures} columns of each row. */
    public Predictor(PredictFunction<M, R> function, int numFeatures) {
        Objects.requireNonNull(function, "function");
        this.function = (x, y, model) -> function.predict(x, model);
        this.shape = new RowShape(numFeatures, false);
        this.needsRest = false;
    }

    private Predictor(RowPredictFunction<M, R> function, int numFeatures) {
        this.function = Objects.requireNonNull(function, "function");
        this.shape = new RowShape(numFeatures, false);
        this.needsRest = true;
    }

    /** A predictor whose function also gets the columns after the features, as IoTpy's {@code predict(x, y, model)}. */
    public static <M, R> Predictor<M, R> withRest(RowPredictFunction<M, R> function, int numFeatures) {
        return new Predictor<>(function, numFeatures);
    }

    /** Makes {@code model} the one used from now on. */
    public void model(M model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The model in use, or {@code null} before the first one arrived. */
    public M model() {
        return model;
    }

    /** Whether a model has arrived, so that {@link #predict} gives a value. */
    public boolean ready() {
        return model != null;
    }

    /**
     * The prediction for a row, or empty if no model has arrived yet.
     *
     * @throws MlException if the row is too narrow or the prediction function throws
     */
    public Optional<R> predict(double[] row) {
        long n = rows;
        shape.check(row, false);
        rows++;
        M current = model;
        if (current == null) {
            return Optional.empty();
        }
        double[] x = Arrays.copyOf(row, shape.numFeatures());
        double[] rest = needsRest ? Arrays.copyOfRange(row, shape.numFeatures(), row.length) : null;
        R value;
        try {
            value = function.predict(x, rest, current);
        } catch (RuntimeException e) {
            throw new MlException("the prediction function failed on row " + n + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        if (value == null) {
            throw new MlException("the prediction function returned no value for row " + n);
        }
        return Optional.of(value);
    }
}
