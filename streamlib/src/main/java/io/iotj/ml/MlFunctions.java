package io.iotj.ml;

import io.iotj.assemble.MethodFn;
import io.iotj.stream.WindowState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Turns whatever a template names as {@code function} into the typed functions {@link Trainer} and
 * {@link Predictor} run: a lambda of one of the function interfaces, an incremental model, a model
 * with its own {@code trainFunction()}/{@code predictFunction()} (a Smile model), a reflected
 * method, or a {@link MethodFn} (a method defined in a notebook cell), whose parameters give the shape.
 *
 * <p>Training methods may have any of these shapes, {@code M} being any model type:
 * {@code M f(double[][] x, double[][] y, M model, WindowState w)},
 * {@code M f(double[][] x, double[] y, M model, WindowState w)} (one target),
 * {@code M f(double[][] x, M model, WindowState w)} (features only), or either supervised form
 * without the window. Prediction methods: {@code R f(double[] x, M model)} or IoTpy's
 * {@code R f(double[] x, double[] y, M model)}, {@code y} being the row's columns after the features.
 */
public final class MlFunctions {

    private MlFunctions() {
    }

    /** A function known only as a way to call it, such as a template resolver's function object. */
    @FunctionalInterface
    public interface Call {
        /** Calls the function; throws when it cannot take these arguments (see the mismatch test). */
        Object call(Object... args);
    }

    /**
     * A training function known only by how to call it. Its shape (one of those in the class
     * comment) is found on the first window: each is tried in turn until the function takes the
     * arguments.
     *
     * @param mismatch tells a "cannot take these arguments" failure of {@code call} from a failure
     *                 inside the function
     */
    public static TrainFunction<Object> trainCallable(String name, Call call, Predicate<RuntimeException> mismatch) {
        return CallShapes.train(name, call, mismatch);
    }

    /** A prediction function known only by how to call it: {@code (x, model)} or {@code (x, y, model)}. */
    public static RowPredictFunction<Object, Object> predictCallable(String name, Call call,
                                                                      Predicate<RuntimeException> mismatch) {
        return CallShapes.predict(name, call, mismatch);
    }

    /** A trainer for {@code train(in, function, num_features, min_window_size, max_window_size, step_size)}. */
    @SuppressWarnings("unchecked")
    public static Trainer<Object> trainer(Object function, int numFeatures, int minWindowSize, int maxWindowSize,
                                          int stepSize) {
        if (function instanceof IncrementalTrainFunction<?> inc) {
            if (inc.numFeatures() != numFeatures) {
                throw new MlException("the incremental model takes num_features = " + inc.numFeatures()
                        + " but train was given " + numFeatures);
            }
            return Trainer.incremental((IncrementalTrainFunction<Object>) inc, minWindowSize, maxWindowSize, stepSize);
        }
        return Trainer.of(trainFunction(function), numFeatures, minWindowSize, maxWindowSize, stepSize);
    }

    /** A predictor for {@code predict(in, function, model, num_features)}. */
    public static Predictor<Object, Object> predictor(Object function, int numFeatures) {
        return Predictor.withRest(rowPredictFunction(function), numFeatures);
    }

    /** The training function {@code f} stands for. */
    @SuppressWarnings("unchecked")
    public static TrainFunction<Object> trainFunction(Object f) {
        if (f instanceof TrainFunction<?> t) {
            return (TrainFunction<Object>) t;
        }
        if (f instanceof SingleTargetTrainFunction<?> t) {
            return TrainFunction.singleTarget((SingleTargetTrainFunction<Object>) t);
        }
        if (f instanceof UnsupervisedTrainFunction<?> t) {
            return TrainFunction.unsupervised((UnsupervisedTrainFunction<Object>) t);
        }
        if (f instanceof Method m) {
            return trainMethod(null, m);
        }
        if (f instanceof MethodFn mf) {
            return trainShaped(mf.method(), mf::call);
        }
        Object provided = provided(f, "trainFunction");
        if (provided != null) {
            return trainFunction(provided);
        }
        throw new MlException("a training function must be a method or lambda taking (double[][] x, double[][] y or "
                + "double[] y, model, WindowState), not " + describe(f));
    }

    /** The prediction function {@code f} stands for, given the features and the rest of each row. */
    @SuppressWarnings("unchecked")
    public static RowPredictFunction<Object, Object> rowPredictFunction(Object f) {
        if (f instanceof RowPredictFunction<?, ?> p) {
            return (RowPredictFunction<Object, Object>) p;
        }
        if (f instanceof PredictFunction<?, ?> p) {
            PredictFunction<Object, Object> q = (PredictFunction<Object, Object>) p;
            return (x, y, model) -> q.predict(x, model);
        }
        if (f instanceof Method m) {
            return predictMethod(null, m);
        }
        if (f instanceof MethodFn mf) {
            return predictShaped(mf.method(), mf::call);
        }
        Object provided = provided(f, "predictFunction");
        if (provided != null) {
            return rowPredictFunction(provided);
        }
        throw new MlException("a prediction function must be a method or lambda taking (double[] x, model), not "
                + describe(f));
    }

    /** The prediction function {@code f} stands for, given the features of each row. */
    public static PredictFunction<Object, Object> predictFunction(Object f) {
        RowPredictFunction<Object, Object> p = rowPredictFunction(f);
        double[] none = new double[0];
        return (x, model) -> p.predict(x, none, model);
    }

    /** A training method called on {@code target} ({@code null} for a static method). */
    public static TrainFunction<Object> trainMethod(Object target, Method m) {
        checkTarget(target, m);
        return trainShaped(m, args -> invoke(target, m, args));
    }

    /** A training function whose parameters are those of {@code m}, called through {@code call}. */
    private static TrainFunction<Object> trainShaped(Method m, Call call) {
        Class<?>[] p = m.getParameterTypes();
        boolean window = p.length > 0 && p[p.length - 1] == WindowState.class;
        if (p.length >= 2 && p[0] == double[][].class) {
            if ((p.length == 4 && window || p.length == 3 && !window) && (p[1] == double[][].class || p[1] == double[].class)) {
                boolean single = p[1] == double[].class;
                return (x, y, model, w) -> {
                    Object targets = single ? column(y, w) : y;
                    return window ? call.call(x, targets, model, w) : call.call(x, targets, model);
                };
            }
            if (p.length == 3 && window) {
                return (x, y, model, w) -> call.call(x, model, w);
            }
        }
        throw new MlException("method " + m.getName() + Arrays.toString(p).replace('[', '(').replace(']', ')')
                + " is not a training function: it must take (double[][] x, double[][] y or double[] y, model, "
                + "WindowState) or (double[][] x, model, WindowState)");
    }

    /** A prediction method called on {@code target} ({@code null} for a static method). */
    public static RowPredictFunction<Object, Object> predictMethod(Object target, Method m) {
        checkTarget(target, m);
        return predictShaped(m, args -> invoke(target, m, args));
    }

    private static RowPredictFunction<Object, Object> predictShaped(Method m, Call call) {
        Class<?>[] p = m.getParameterTypes();
        if (p.length == 2 && p[0] == double[].class && m.getReturnType() != void.class) {
            return (x, y, model) -> call.call(x, model);
        }
        if (p.length == 3 && p[0] == double[].class && p[1] == double[].class && m.getReturnType() != void.class) {
            return (x, y, model) -> call.call(x, y, model);
        }
        throw new MlException("method " + m.getName() + Arrays.toString(p).replace('[', '(').replace(']', ')')
                + " is not a prediction function: it must take (double[] x, model) or (double[] x, double[] y, model)"
                + " and return the prediction");
    }

    private static double[] column(double[][] y, WindowState w) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i].length != 1) {
                throw new MlException("the training function takes one target column, but row " + (w.start() + i)
                        + " has " + y[i].length + " columns after the features");
            }
            out[i] = y[i][0];
        }
        return out;
    }

    private static void checkTarget(Object target, Method m) {
        if (target == null && !Modifier.isStatic(m.getModifiers())) {
            throw new MlException("method " + m.getName() + " is an instance method; give the object to call it on");
        }
    }

    private static Object invoke(Object target, Method m, Object... args) {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new MlException(m.getName() + " failed: " + cause, cause);
        } catch (IllegalArgumentException e) {
            throw new MlException(m.getName() + " cannot take these arguments (is its model parameter of the type "
                    + "the training function returns?): " + e.getMessage(), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MlException("cannot call " + m.getName() + ": " + e, e);
        }
    }

    /** A no-argument method such as a Smile model's {@code trainFunction()}, or null. */
    private static Object provided(Object f, String name) {
        if (f == null) {
            return null;
        }
        try {
            Method m = f.getClass().getMethod(name);
            return m.invoke(f);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new MlException("cannot get " + name + " of " + describe(f) + ": " + e, e);
        }
    }

    private static String describe(Object f) {
        return f == null ? "null" : f.getClass().getSimpleName() + " " + f;
    }
}
