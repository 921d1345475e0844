package io.iotj.ml.smile;

import java.util.function.ToDoubleFunction;

/**
 * A Smile model trained on one window, with the one call needed to use it. The Smile object itself
 * is available through {@link #model()} for anything more (coefficients, importance, …).
 */
public final class SmileFit {

    private final String algorithm;
    private final Kind kind;
    private final Object model;
    private final ToDoubleFunction<double[]> predictor;
    private final int rows;

    SmileFit(String algorithm, Kind kind, Object model, ToDoubleFunction<double[]> predictor, int rows) {
        this.algorithm = algorithm;
        this.kind = kind;
        this.model = model;
        this.predictor = predictor;
        this.rows = rows;
    }

    /**
     * The prediction for the features {@code x}: the value (regression), the class label
     * (classification), the cluster index (clustering) or the anomaly score (anomaly detection).
     */
    public double predict(double[] x) {
        return predictor.applyAsDouble(x);
    }

    /** The trained Smile object, e.g. a {@code smile.regression.LinearModel}. */
    public Object model() {
        return model;
    }

    /** The trained Smile object as {@code type}. */
    public <T> T model(Class<T> type) {
        return type.cast(model);
    }

    /** The algorithm's name, e.g. {@code ridge}. */
    public String algorithm() {
        return algorithm;
    }

    /** What the model learns, and so what {@link #predict} means. */
    public Kind kind() {
        return kind;
    }

    /** Rows the model was trained on. */
    public int rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "SmileFit[" + algorithm + ", " + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + rows
                + " rows, " + model.getClass().getName() + "]";
    }
}
