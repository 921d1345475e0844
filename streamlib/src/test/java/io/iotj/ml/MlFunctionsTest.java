package io.iotj.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.assemble.MethodFn;
import io.iotj.ml.incremental.LinearFit;
import io.iotj.ml.incremental.LinearRegressionStream;
import io.iotj.ml.smile.SmileModels;
import io.iotj.stream.WindowState;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlFunctionsTest {

    // Methods shaped as a notebook user would write them.

    /** Mean of the single target, ignoring x: the simplest model. */
    static double[] fitMean(double[][] x, double[] y, double[] model, WindowState w) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return new double[] {s / y.length};
    }

    static Double predictMean(double[] x, double[] model) {
        return model[0];
    }

    static Integer countRows(double[][] x, Integer model, WindowState w) {
        if (x.length == 3) {
            w.reset();
        }
        return x.length;
    }

    static double[][] keepTargets(double[][] x, double[][] y, Object model) {
        return y;
    }

    /** IoTpy's prediction shape: the features, the rest of the row, the model. */
    static double errorOfMean(double[] x, double[] y, double[] model) {
        return y[0] - model[0];
    }

    static int wrongShape(String s) {
        return 0;
    }

    static double[] failing(double[][] x, double[] y, double[] model, WindowState w) {
        throw new IllegalStateException("no convergence");
    }

    private static Method method(String name) {
        for (Method m : MlFunctionsTest.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void methodsOfEachShapeTrainAndPredict() {
        Trainer<Object> t = MlFunctions.trainer(method("fitMean"), 1, 2, 2, 2);
        Predictor<Object, Object> p = MlFunctions.predictor(method("predictMean"), 1);
        t.push(new double[] {0, 4});
        t.push(new double[] {0, 6}).forEach(p::model);
        assertEquals(5.0, p.predict(new double[] {9}).orElseThrow());

        Trainer<Object> u = MlFunctions.trainer(method("countRows"), 1, 2, 4, 1);
        List<Object> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sizes.addAll(u.push(new double[] {i}));
        }
        // every 3-row window asks for a reset: back to its last 2 rows, then 3 again
        assertEquals(List.of(2, 3, 2, 3, 2, 3, 2), sizes);

        Trainer<Object> v = MlFunctions.trainer(method("keepTargets"), 1, 1, 1, 1);
        assertArrayEquals(new double[][] {{2, 3}}, (double[][]) v.push(new double[] {1, 2, 3}).get(0));
    }

    /** Like the kernel's NotebookFunction: a compiled method, always called through {@code call}. */
    public record FakeNotebookFunction(Method method, int[] calls) implements MethodFn {
        @Override
        public Object call(Object... args) {
            calls[0]++;
            try {
                return method.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void notebookFunctionsAreCalledThroughTheirCallMethod() {
        int[] calls = {0};
        Trainer<Object> t = MlFunctions.trainer(new FakeNotebookFunction(method("fitMean"), calls), 1, 2, 2, 2);
        Predictor<Object, Object> p = MlFunctions.predictor(new FakeNotebookFunction(method("predictMean"), calls), 1);
        t.push(new double[] {0, 1});
        t.push(new double[] {0, 3}).forEach(p::model);
        assertEquals(2.0, p.predict(new double[] {5}).orElseThrow());
        assertEquals(2, calls[0], "one training call and one prediction call, both through call()");
    }

    @Test
    void aSmileModelAndAnIncrementalModelNeedNoAdapters() {
        var ridge = SmileModels.of("ols");
        Trainer<Object> t = MlFunctions.trainer(ridge, 1, 5, 5, 5);
        Predictor<Object, Object> p = MlFunctions.predictor(ridge, 1);
        for (int i = 0; i < 5; i++) {
            t.push(new double[] {i, 1 + 2 * i}).forEach(p::model);
        }
        assertEquals(21.0, (Double) p.predict(new double[] {10}).orElseThrow(), 1e-9);

        var lrs = new LinearRegressionStream(1);
        Trainer<Object> u = MlFunctions.trainer(lrs, 1, 3, 3, 1);
        Predictor<Object, Object> q = MlFunctions.predictor(lrs, 1);
        for (int i = 0; i < 3; i++) {
            u.push(new double[] {i, 5 - i}).forEach(q::model);
        }
        assertTrue(u.latest() instanceof LinearFit);
        assertEquals(-5.0, (Double) q.predict(new double[] {10}).orElseThrow(), 1e-9);
    }

    /** Like a template resolver's function: converts nothing, refuses arguments that do not fit. */
    private static MlFunctions.Call strictCall(Method m) {
        return args -> {
            Class<?>[] p = m.getParameterTypes();
            boolean fits = p.length == args.length;
            for (int i = 0; fits && i < p.length; i++) {
                fits = args[i] == null || p[i].isInstance(args[i]);
            }
            if (!fits) {
                throw new IllegalArgumentException(m.getName() + " cannot take arguments " + args.length);
            }
            try {
                return m.invoke(null, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw (RuntimeException) e.getCause();
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static boolean mismatch(RuntimeException e) {
        return e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains("cannot take arguments");
    }

    @Test
    void callablesOfHiddenShapeAreProbedOnceAndThenCalledDirectly() {
        Trainer<Object> t = Trainer.of(MlFunctions.trainCallable("fitMean", strictCall(method("fitMean")),
                MlFunctionsTest::mismatch), 1, 2, 2, 2);
        var p = Predictor.withRest(MlFunctions.predictCallable("errorOfMean", strictCall(method("errorOfMean")),
                MlFunctionsTest::mismatch), 1);
        t.push(new double[] {0, 2});
        t.push(new double[] {0, 4}).forEach(p::model);
        assertEquals(7.0, p.predict(new double[] {0, 10}).orElseThrow(), "10 - mean 3");

        Trainer<Object> u = Trainer.of(MlFunctions.trainCallable("countRows", strictCall(method("countRows")),
                MlFunctionsTest::mismatch), 1, 2, 2, 1);
        u.push(new double[] {1});
        assertEquals(List.of(2), u.push(new double[] {2}));

        Trainer<Object> v = Trainer.of(MlFunctions.trainCallable("wrongShape", strictCall(method("wrongShape")),
                MlFunctionsTest::mismatch), 1, 1, 1, 1);
        var e = assertThrows(MlException.class, () -> v.push(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("wrongShape is not a training function: it takes none of "
                + "(double[][] x, double[][] y, model, WindowState w)"), e.getMessage());
    }

    @Test
    void iotpysPredictShapeGetsTheRestOfTheRow() {
        var p = MlFunctions.predictor(method("errorOfMean"), 1);
        p.model(new double[] {3});
        assertEquals(5.0, p.predict(new double[] {0, 8}).orElseThrow());
    }

    @Test
    void wrongFunctionsAreExplained() {
        var e = assertThrows(MlException.class, () -> MlFunctions.trainFunction(method("wrongShape")));
        assertTrue(e.getMessage().startsWith("method wrongShape(class java.lang.String) is not a training function"),
                e.getMessage());
        e = assertThrows(MlException.class, () -> MlFunctions.predictFunction("train"));
        assertEquals("a prediction function must be a method or lambda taking (double[] x, model), not String train",
                e.getMessage());
        e = assertThrows(MlException.class, () -> MlFunctions.trainer(new LinearRegressionStream(2), 3, 5, 5, 1));
        assertEquals("the incremental model takes num_features = 2 but train was given 3", e.getMessage());
        Trainer<Object> t = MlFunctions.trainer(method("failing"), 1, 1, 1, 1);
        e = assertThrows(MlException.class, () -> t.push(new double[] {1, 2}));
        assertEquals("the training function failed on window 0 [0, 1): IllegalStateException: no convergence",
                e.getMessage());
    }

    @Test
    void rowsComeFromCommonValueTypes() {
        assertArrayEquals(new double[] {1, 2}, Rows.of(List.of(1, 2.0)));
        assertArrayEquals(new double[] {3}, Rows.of(3));
        assertArrayEquals(new double[] {1, 2}, Rows.of(new int[] {1, 2}));
        assertArrayEquals(new double[] {1, 2}, Rows.of(new Object[] {1L, 2f}));
        var e = assertThrows(MlException.class, () -> Rows.of(List.of(1, "x")));
        assertEquals("a row must be numbers; item 1 is String x", e.getMessage());
    }
}
