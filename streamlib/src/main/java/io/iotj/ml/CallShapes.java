package io.iotj.ml;

import io.iotj.stream.WindowState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Training and prediction functions known only as "call with these arguments" (a resolver's
 * function object, whose parameter types are hidden). The first call tries each shape the ML
 * templates allow, in order, and keeps the first the function accepts.
 */
final class CallShapes {

    private CallShapes() {
    }

    /** Training shapes, as argument lists built from one window. */
    private static final String[] TRAIN_SHAPES = {
        "(double[][] x, double[][] y, model, WindowState w)",
        "(double[][] x, double[] y, model, WindowState w)",
        "(double[][] x, model, WindowState w)",
        "(double[][] x, double[][] y, model)",
        "(double[][] x, double[] y, model)",
    };

    private static final String[] PREDICT_SHAPES = {"(double[] x, model)", "(double[] x, double[] y, model)"};

    static TrainFunction<Object> train(String name, MlFunctions.Call call, Predicate<RuntimeException> mismatch) {
        int[] chosen = {-1};
        return (x, y, model, w) -> {
            if (chosen[0] >= 0) {
                return call.call(trainArgs(chosen[0], x, y, model, w));
            }
            List<String> tried = new ArrayList<>();
            RuntimeException first = null;
            for (int s = 0; s < TRAIN_SHAPES.length; s++) {
                Object[] args = trainArgs(s, x, y, model, w);
                if (args == null) {
                    continue;
                }
                try {
                    Object result = call.call(args);
                    chosen[0] = s;
                    return result;
                } catch (RuntimeException e) {
                    if (!mismatch.test(e)) {
                        chosen[0] = s; // it took the arguments and failed inside: report that failure
                        throw e;
                    }
                    first = first == null ? e : first;
                    tried.add(TRAIN_SHAPES[s]);
                }
            }
            throw new MlException(name + " is not a training function: it takes none of " + String.join(", ", tried)
                    + (first == null || first.getMessage() == null ? "" : " (" + first.getMessage() + ")"), first);
        };
    }

    static RowPredictFunction<Object, Object> predict(String name, MlFunctions.Call call,
                                                      Predicate<RuntimeException> mismatch) {
        int[] chosen = {-1};
        return (x, y, model) -> {
            if (chosen[0] >= 0) {
                return call.call(predictArgs(chosen[0], x, y, model));
            }
            RuntimeException first = null;
            for (int s = 0; s < PREDICT_SHAPES.length; s++) {
                try {
                    Object result = call.call(predictArgs(s, x, y, model));
                    chosen[0] = s;
                    return result;
                } catch (RuntimeException e) {
                    if (!mismatch.test(e)) {
                        chosen[0] = s;
                        throw e;
                    }
                    first = first == null ? e : first;
                }
            }
            throw new MlException(name + " is not a prediction function: it takes neither "
                    + String.join(" nor ", PREDICT_SHAPES)
                    + (first == null || first.getMessage() == null ? "" : " (" + first.getMessage() + ")"), first);
        };
    }

    private static Object[] trainArgs(int shape, double[][] x, double[][] y, Object model, WindowState w) {
        return switch (shape) {
            case 0 -> new Object[] {x, y, model, w};
            case 1 -> single(y) == null ? null : new Object[] {x, single(y), model, w};
            case 2 -> new Object[] {x, model, w};
            case 3 -> new Object[] {x, y, model};
            default -> single(y) == null ? null : new Object[] {x, single(y), model};
        };
    }

    private static Object[] predictArgs(int shape, double[] x, double[] y, Object model) {
        return shape == 0 ? new Object[] {x, model} : new Object[] {x, y, model};
    }

    /** The one target column, or null when rows do not have exactly one. */
    private static double[] single(double[][] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i].length != 1) {
                return null;
            }
            out[i] = y[i][0];
        }
        return out;
    }
}
