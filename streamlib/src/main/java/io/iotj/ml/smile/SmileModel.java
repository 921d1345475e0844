package io.iotj.ml.smile;

import io.iotj.ml.MlException;
import io.iotj.ml.PredictFunction;
import io.iotj.ml.Predictor;
import io.iotj.ml.TrainFunction;
import io.iotj.ml.Trainer;
import io.iotj.stream.WindowState;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import smile.classification.Classifier;
import smile.regression.Regression;

/**
 * A Smile algorithm with its hyper-parameters, ready to be the training and prediction functions of
 * the {@code train} and {@code predict} templates. Get one by name from {@link SmileModels#of}, or
 * wrap any Smile model with {@link #regression}, {@link #classification} or {@link #custom}.
 *
 * <p>Supervised models learn the one target column after the features; clustering and anomaly
 * models use the features only. Each window gets a fresh fit. Immutable and safe to share.
 */
public final class SmileModel {

    private final String name;
    private final Kind kind;
    private final Fit fit;

    /** Trains on one window; {@code y} is null for unsupervised kinds. */
    @FunctionalInterface
    interface Fit {
        SmileFit fit(double[][] x, double[] y);
    }

    SmileModel(String name, Kind kind, Fit fit) {
        this.name = name;
        this.kind = kind;
        this.fit = fit;
    }

    /** Any Smile regression on feature arrays, e.g. {@code (x, y) -> SVM.fit(x, y, 1.0, 0.1)}. */
    public static SmileModel regression(String name, BiFunction<double[][], double[], ? extends Regression<double[]>> fit) {
        Objects.requireNonNull(fit, "fit");
        return new SmileModel(name, Kind.REGRESSION, (x, y) -> {
            Regression<double[]> m = fit.apply(x, y);
            return new SmileFit(name, Kind.REGRESSION, m, m::predict, x.length);
        });
    }

    /** Any Smile classifier on feature arrays; the target column holds whole-number labels. */
    public static SmileModel classification(String name, BiFunction<double[][], int[], ? extends Classifier<double[]>> fit) {
        Objects.requireNonNull(fit, "fit");
        return new SmileModel(name, Kind.CLASSIFICATION, (x, y) -> {
            Classifier<double[]> m = fit.apply(x, Frames.labels(y, name));
            return new SmileFit(name, Kind.CLASSIFICATION, m, m::predict, x.length);
        });
    }

    /**
     * Any model at all: {@code fit} trains on the window ({@code y} is null unless {@code kind} is
     * supervised), {@code predict} turns a model and a row's features into a number.
     */
    public static <M> SmileModel custom(String name, Kind kind, BiFunction<double[][], double[], M> fit,
                                        ToDoubleBiFunction<M, double[]> predict) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(predict, "predict");
        return new SmileModel(name, kind, (x, y) -> {
            M m = fit.apply(x, y);
            return new SmileFit(name, kind, m, v -> predict.applyAsDouble(m, v), x.length);
        });
    }

    /** Unsupervised model (clustering or anomaly detection) from the features alone. */
    public static <M> SmileModel unsupervised(String name, Kind kind, Function<double[][], M> fit,
                                              ToDoubleBiFunction<M, double[]> predict) {
        if (kind.supervised()) {
            throw new IllegalArgumentException(kind + " is supervised; use custom, regression or classification");
        }
        return custom(name, kind, (x, y) -> fit.apply(x), predict);
    }

    /**
     * Trains on one batch of rows outside any stream.
     *
     * @param y the targets, or {@code null} for clustering and anomaly models
     */
    public SmileFit fit(double[][] x, double[] y) {
        if (x == null || x.length == 0) {
            throw new MlException(name + " needs at least one row to train on");
        }
        if (kind.supervised() && (y == null || y.length != x.length)) {
            throw new MlException(name + " is " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " and needs one target per row; got " + (y == null ? "none" : y.length + " for " + x.length + " rows"));
        }
        return fit.fit(x, kind.supervised() ? y : null);
    }

    /** The training function for {@code train}: fits the window (target = the one column after the features). */
    public TrainFunction<SmileFit> trainFunction() {
        if (kind.supervised()) {
            return TrainFunction.singleTarget((x, y, previous, window) -> fit(x, y));
        }
        return TrainFunction.unsupervised((x, previous, window) -> fit(x, null));
    }

    /**
     * Trains on one window, as a training method: for templates that make the model with
     * {@code func} and pick {@code train} with {@code attribute} (IoTpy's style). Supervised
     * models take the one column after the features as the target.
     */
    public SmileFit train(double[][] x, double[][] y, SmileFit model, WindowState window) {
        return trainFunction().train(x, y, model, window);
    }

    /** The prediction of {@code model} for {@code x}, as a prediction method (see {@link #train}). */
    public double predict(double[] x, SmileFit model) {
        return model.predict(x);
    }

    /** The prediction function for {@code predict}: {@link SmileFit#predict}. */
    public PredictFunction<SmileFit, Double> predictFunction() {
        return (x, model) -> model.predict(x);
    }

    /** A trainer fitting this model to each window of a dynamic window. */
    public Trainer<SmileFit> trainer(int numFeatures, int minWindowSize, int maxWindowSize, int stepSize) {
        return Trainer.of(trainFunction(), numFeatures, minWindowSize, maxWindowSize, stepSize);
    }

    /** A predictor applying the latest fit to each row. */
    public Predictor<SmileFit, Double> predictor(int numFeatures) {
        return new Predictor<>(predictFunction(), numFeatures);
    }

    /** The algorithm's name, e.g. {@code ridge}. */
    public String name() {
        return name;
    }

    /** What the model learns, and so what its predictions mean. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "SmileModel[" + name + ", " + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
