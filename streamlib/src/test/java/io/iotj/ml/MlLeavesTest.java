package io.iotj.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.Assembly;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.Fns;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.LeafRegistry;
import io.iotj.assemble.TemplateSource;
import io.iotj.ml.incremental.Centroids;
import io.iotj.ml.incremental.LinearFit;
import io.iotj.ml.incremental.LinearRegressionStream;
import io.iotj.parse.TemplateParser;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.RuntimeOptions;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.WindowState;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlLeavesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Section 2.1.2 of the IoTpy thesis, with the function names quoted (a string constant naming a
     * function); IoTpy's own bare {@code function=train} runs too, see
     * {@link #theThesisLinearRegressionTextRunsAsWrittenWithBareFunctionNames}.
     */
    static final String LINEAR_REGRESSION = """
            linear_regression(x:stream, y:stream) -> z:stream {
                model = train(in=x, function="train", num_features=2, min_window_size=5, max_window_size=30, step_size=2);
                z = predict(in=y, function="predict", model=model, num_features=2);
            }
            """;

    // The two functions a notebook would define, as static methods (JShell compiles them so).

    public static LinearFit train(double[][] x, double[] y, LinearFit model, WindowState window) {
        LinearRegressionStream fresh = new LinearRegressionStream(x[0].length);
        return fresh.train(x, y, model, window);
    }

    public static double predict(double[] x, double[] y, LinearFit model) {
        return model.predict(x);
    }

    private static Method method(String name) {
        for (Method m : MlLeavesTest.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    private static TemplateLibrary library() {
        return MlLeaves.register(TemplateLibrary.standard());
    }

    private static Assembler assembler(Template t) {
        // Like a notebook's resolver: names to functions whose parameter types the leaves cannot see.
        FunctionResolver notebook = FunctionResolver.of(Map.of(
                "train", Fns.methods("train", List.of(method("train")), null),
                "predict", Fns.methods("predict", List.of(method("predict")), null)));
        return new Assembler(TemplateSource.of(t), MlLeaves.register(LeafRegistry.standard()),
                FunctionResolver.standard(notebook));
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void theThesisLinearRegressionTemplateRuns(String mode) throws Exception {
        Template t = TemplateParser.parseTemplate(LINEAR_REGRESSION, library());
        Assembly a = assembler(t).assemble("lr-" + mode, "linear_regression", Map.of());
        assertEquals(List.of("train0", "predict0"), a.graph().parts().stream().map(p -> p.name()).toList());
        assertPredictsTheLine(a, mode);
    }

    /** Trains on 40 rows of z = 1 + 2u - 3v and predicts two more, in the given runtime. */
    private static void assertPredictsTheLine(Assembly a, String mode) throws InterruptedException {
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(a.graph());
        try {
            Random r = new Random(12);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                double u = r.nextGaussian();
                double v = r.nextGaussian();
                rows.add(new double[] {u, v, 1 + 2 * u - 3 * v});
            }
            g.in("x").extend(rows);
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            g.in("y").extend(List.of(new double[] {1, 1, 0}, new double[] {2, 0, 0}));
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            List<?> z = g.out("z").values();
            assertEquals(2, z.size(), z.toString());
            assertEquals(0.0, (Double) z.get(0), 1e-9);
            assertEquals(5.0, (Double) z.get(1), 1e-9);
        } finally {
            g.stop();
        }
    }

    @Test
    void aModelObjectMadeByFuncServesThroughAttributeAsInTheThesisMeetupTemplate() {
        Template t = TemplateParser.parseTemplate("""
                meetup(points:stream) -> centroids:stream {
                    km = func(function="io.iotj.ml.incremental.KMeansStream", parameters=[2, 2]);
                    fit = attribute(in=km, attribute="train");
                    centroids = train(in=points, function=fit, num_features=2, min_window_size=4, max_window_size=8, step_size=2);
                }
                """, library());
        Assembly a = assembler(t).assemble("meetup", "meetup", Map.of());
        assertSeparatesTwoGroups(a);
    }

    /** Feeds 8 points alternating between two places; the last centroids tell them apart. */
    private static void assertSeparatesTwoGroups(Assembly a) {
        @SuppressWarnings("unchecked")
        var points = (io.iotj.stream.IotStream<Object>) a.graph().inputs().get("points");
        List<?> out = a.graph().outputs().get("centroids").toList();
        for (int i = 0; i < 8; i++) {
            points.append(i % 2 == 0 ? new double[] {0, 0} : new double[] {10, 10}); // not started: inline
        }
        Centroids last = (Centroids) out.get(out.size() - 1);
        assertEquals(3, out.size());
        assertFalse(last.predict(new double[] {0, 0}) == last.predict(new double[] {10, 10}));
    }

    @Test
    void aSmileModelPassedAsTheFunctionArgumentTrainsAndPredicts() {
        Template t = TemplateParser.parseTemplate("""
                learn(x:stream, y:stream, f:function) -> z:stream {
                    m = train(in=x, function=f, num_features=1, min_window_size=10, max_window_size=10, step_size=10);
                    z = predict(in=y, function=f, model=m, num_features=1);
                }
                """, library());
        var ridge = io.iotj.ml.smile.SmileModels.of("ridge", Map.of("lambda", 1e-6));
        Assembly a = assembler(t).assemble("learn", "learn", Map.of("f", ridge));
        @SuppressWarnings("unchecked")
        var x = (io.iotj.stream.IotStream<Object>) a.graph().inputs().get("x");
        @SuppressWarnings("unchecked")
        var y = (io.iotj.stream.IotStream<Object>) a.graph().inputs().get("y");
        List<?> z = a.graph().outputs().get("z").toList();
        for (int i = 0; i < 10; i++) {
            x.append(List.of(i, 3 * i - 1)); // rows as lists of numbers
        }
        y.append(100);
        assertEquals(1, z.size());
        assertEquals(299.0, (Double) z.get(0), 1e-3);
    }

    @Test
    void anAssembledModelStreamKeepsFewModelsAsMlStreamsDoes() {
        // models can be large (a forest per window): a template's model stream must not keep 1000 of them
        Template t = TemplateParser.parseTemplate("""
                learn(x:stream, f:function) -> m:stream {
                    m = train(in=x, function=f, num_features=1, min_window_size=2, max_window_size=2, step_size=1);
                }
                """, library());
        var ridge = io.iotj.ml.smile.SmileModels.of("ridge", Map.of("lambda", 1e-6));
        Assembly a = assembler(t).assemble("many-models", "learn", Map.of("f", ridge));
        @SuppressWarnings("unchecked")
        var x = (io.iotj.stream.IotStream<Object>) a.graph().inputs().get("x");
        io.iotj.stream.IotStream<?> m = a.graph().outputs().get("m");
        List<?> all = m.toList();
        for (int i = 0; i < 200; i++) {
            x.append(new double[] {i, 2 * i + 5});
        }
        assertEquals(199, all.size(), "every model was produced");
        assertTrue(m.values().size() <= MlStreams.MODELS_RETAINED, "models kept by the stream: " + m.values().size());
        assertEquals(all.get(all.size() - 1), m.values().get(m.values().size() - 1), "the newest model is kept");
    }

    @Test
    void aSmileModelNamedInsideTheTemplateTrainsAndPredicts() {
        Template t = TemplateParser.parseTemplate("""
                learn(x:stream, y:stream) -> z:stream {
                    ridge = func(function="io.iotj.ml.smile.SmileModels.of", parameters=["ridge", "lambda=0.000001"]);
                    fit = attribute(in=ridge, attribute="train");
                    apply = attribute(in=ridge, attribute="predict");
                    m = train(in=x, function=fit, num_features=1, min_window_size=10, max_window_size=10, step_size=10);
                    z = predict(in=y, function=apply, model=m, num_features=1);
                }
                """, library());
        Assembly a = assembler(t).assemble("learn2", "learn", Map.of());
        @SuppressWarnings("unchecked")
        var x = (io.iotj.stream.IotStream<Object>) a.graph().inputs().get("x");
        @SuppressWarnings("unchecked")
        var y = (io.iotj.stream.IotStream<Object>) a.graph().inputs().get("y");
        List<?> z = a.graph().outputs().get("z").toList();
        for (int i = 0; i < 10; i++) {
            x.append(new double[] {i, 2 * i + 5});
        }
        y.append(new double[] {10});
        assertEquals(1, z.size());
        assertEquals(25.0, ((Number) z.get(0)).doubleValue(), 1e-3);
    }

    @Test
    void badParametersAreNamedBeforeAnythingRuns() {
        Template t = TemplateParser.parseTemplate("""
                bad(x:stream) -> m:stream {
                    m = train(in=x, function="train", num_features=2, min_window_size=5, max_window_size=3, step_size=1);
                }
                """, library());
        AssemblyException e = assertThrows(AssemblyException.class, () -> assembler(t).assemble("bad", "bad", Map.of()));
        assertEquals("train0", e.part());
        assertEquals("max_window_size", e.param());
        assertTrue(e.getMessage().contains("must be at least min_window_size (5)"), e.getMessage());
    }

    /** Section 2.1.2 of the IoTpy thesis exactly as printed: {@code function=train} is a bare word. */
    private static String thesisText() throws java.io.IOException {
        try (var in = MlLeavesTest.class.getResourceAsStream("/io/iotj/parse/thesis_linear_regression.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** An assembler that knows the leaves' signatures, as the notebook's does (its template library). */
    private static Assembler signatureAwareAssembler(Template t, FunctionResolver notebook) {
        TemplateLibrary lib = library().register(t);
        return new Assembler(TemplateSource.library(lib), MlLeaves.register(LeafRegistry.standard()),
                FunctionResolver.standard(notebook));
    }

    private static FunctionResolver thesisFunctions() {
        return FunctionResolver.of(Map.of(
                "train", Fns.methods("train", List.of(method("train")), null),
                "predict", Fns.methods("predict", List.of(method("predict")), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void theThesisLinearRegressionTextRunsAsWrittenWithBareFunctionNames(String mode) throws Exception {
        Template t = TemplateParser.parseTemplate(thesisText(), library());
        // IoTpy's JSON keeps the bare word as an external, not a quoted constant.
        assertTrue(t.externals().contains(new io.iotj.template.External("train", "train0", "function")), t.externals().toString());
        Assembly a = signatureAwareAssembler(t, thesisFunctions()).assemble("thesis-lr-" + mode, "linear_regression", Map.of());
        assertPredictsTheLine(a, mode);
    }

    @Test
    void anUnknownBareFunctionNameIsNamedWithItsPartBeforeAnythingRuns() throws Exception {
        Template t = TemplateParser.parseTemplate(thesisText().replace("function=predict", "function=predikt"), library());
        AssemblyException e = assertThrows(AssemblyException.class,
                () -> signatureAwareAssembler(t, thesisFunctions()).assemble("typo", "linear_regression", Map.of()));
        assertEquals("predict0", e.part());
        assertEquals("function", e.param());
        assertTrue(e.getMessage().contains("unknown function \"predikt\"")
                && e.getMessage().contains("did you mean predict"), e.getMessage());
    }

    @Test
    void aBareWordWiredToAParameterThatIsNotAFunctionStaysAnError() {
        // The parser already rejects this text; JSON from elsewhere reaches the assembler unchecked.
        Template t = new Template("w", Template.ASSEMBLE, List.of(new io.iotj.template.Param("x", "stream")),
                List.of(new io.iotj.template.Param("m", "stream")), List.of(),
                List.of(new io.iotj.template.Component("train0", "train")),
                List.of(new io.iotj.template.External("x", "train0", "in"),
                        new io.iotj.template.External("\"train\"", "train0", "function"),
                        new io.iotj.template.External("two", "train0", "num_features"),
                        new io.iotj.template.External("5", "train0", "min_window_size"),
                        new io.iotj.template.External("30", "train0", "max_window_size"),
                        new io.iotj.template.External("2", "train0", "step_size"),
                        new io.iotj.template.External("m", "train0", "model")),
                List.of());
        AssemblyException e = assertThrows(AssemblyException.class,
                () -> signatureAwareAssembler(t, thesisFunctions()).assemble("w", "w", Map.of()));
        assertEquals("train0", e.part());
        assertEquals("num_features", e.param());
        assertTrue(e.getMessage().contains("\"two\""), e.getMessage());
    }

    @Test
    void theMeetupFormTrainAsAnAttributeOutputStillWinsOverTheFunctionName() {
        // As in IoTpy's meetup template: `train` is assigned by a line, so function=train is that
        // part's output (an internal), even though a function named train exists too.
        Template t = TemplateParser.parseTemplate("""
                meetup(points:stream) -> centroids:stream {
                    m = func(function="io.iotj.ml.incremental.KMeansStream", parameters=[2, 2]);
                    train = attribute(in=m, attribute="train");
                    centroids = train(in=points, function=train, num_features=2, min_window_size=4, max_window_size=8, step_size=2);
                }
                """, library());
        assertTrue(t.internals().stream().anyMatch(i -> i.srcParam().equals("out") && i.dstParam().equals("function")),
                t.internals().toString());
        Assembly a = signatureAwareAssembler(t, thesisFunctions()).assemble("meetup2", "meetup", Map.of());
        assertSeparatesTwoGroups(a);
    }
}
