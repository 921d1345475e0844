package io.iotj.ml;

import io.iotj.assemble.Fn;
import io.iotj.assemble.LeafContext;
import io.iotj.assemble.LeafRegistry;
import io.iotj.stream.DynamicWindow;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.util.List;

/**
 * The {@code train} and {@code predict} leaf templates, with IoTpy's signatures:
 * <pre>
 * train(function:function, num_features, min_window_size, max_window_size, step_size, in:stream) -> model:stream
 * predict(function:function, num_features, in:stream, model:stream) -> out:stream
 * </pre>
 * so IoTpy's {@code linear_regression} template runs as written. {@code function} may be a
 * function name the resolver knows (a notebook method), a training or prediction function object, a
 * {@link io.iotj.ml.smile.SmileModel}, or an incremental model such as
 * {@link io.iotj.ml.incremental.LinearRegressionStream} (see {@link MlFunctions}).
 *
 * <p>Register both halves where the assembler is built:
 * {@code MlLeaves.register(leafRegistry); MlLeaves.register(templateLibrary);}.
 */
public final class MlLeaves {

    private MlLeaves() {
    }

    /** The two leaf signatures. */
    public static List<Template> templates() {
        Param function = new Param("function", Param.FUNCTION);
        return List.of(
                new Template("train", "train",
                        List.of(function, Param.of("num_features"), Param.of("min_window_size"),
                                Param.of("max_window_size"), Param.of("step_size"), new Param("in", Param.STREAM)),
                        List.of(new Param("model", Param.STREAM)), List.of(), List.of(), List.of(), List.of()),
                new Template("predict", "predict",
                        List.of(function, Param.of("num_features"), new Param("in", Param.STREAM),
                                new Param("model", Param.STREAM)),
                        List.of(new Param("out", Param.STREAM)), List.of(), List.of(), List.of(), List.of()));
    }

    /** Adds the signatures to a template library (for the parser and validation). */
    public static TemplateLibrary register(TemplateLibrary library) {
        return library.registerAll(templates());
    }

    /** Adds the implementations to a leaf registry (for the assembler). */
    public static LeafRegistry register(LeafRegistry leaves) {
        leaves.register("train", MlLeaves::train);
        leaves.register("predict", MlLeaves::predict);
        return leaves;
    }

    private static void train(LeafContext ctx) {
        Object function = function(ctx);
        int numFeatures = ctx.intValue("num_features");
        int min = ctx.intValue("min_window_size");
        int max = ctx.intValue("max_window_size");
        int step = ctx.intValue("step_size");
        IotStream<Object> in = ctx.stream("in");
        IotStream<Object> model = ctx.stream("model");
        checkSizes(ctx, numFeatures, min, max, step);
        Trainer<Object> trainer;
        try {
            trainer = function instanceof Fn fn
                    ? Trainer.of(MlFunctions.trainCallable(fn.describe(), fn::call, MlLeaves::mismatch),
                            numFeatures, min, max, step)
                    : MlFunctions.trainer(function, numFeatures, min, max, step);
        } catch (MlException e) {
            throw ctx.error("function", e.getMessage());
        }
        ctx.add(MlStreams.trainOperator(in, model, trainer));
    }

    private static void predict(LeafContext ctx) {
        Object function = function(ctx);
        int numFeatures = ctx.intValue("num_features");
        IotStream<Object> in = ctx.stream("in");
        IotStream<Object> model = ctx.stream("model");
        IotStream<Object> out = ctx.stream("out");
        if (numFeatures < 1) {
            throw ctx.error("num_features", "must be at least 1, was " + numFeatures);
        }
        Predictor<Object, Object> predictor;
        try {
            predictor = function instanceof Fn fn
                    ? Predictor.withRest(MlFunctions.predictCallable(fn.describe(), fn::call, MlLeaves::mismatch),
                            numFeatures)
                    : MlFunctions.predictor(function, numFeatures);
        } catch (MlException e) {
            throw ctx.error("function", e.getMessage());
        }
        ctx.add(MlStreams.predictOperator(in, model, out, predictor));
    }

    /** The function parameter: a name is resolved (an unknown one fails with near matches), anything else kept. */
    private static Object function(LeafContext ctx) {
        Object v = ctx.value("function");
        return v instanceof String ? ctx.function("function") : v;
    }

    private static void checkSizes(LeafContext ctx, int numFeatures, int min, int max, int step) {
        if (numFeatures < 1) {
            throw ctx.error("num_features", "must be at least 1, was " + numFeatures);
        }
        try {
            DynamicWindow.checkSizes(min, max, step);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String param = msg.startsWith("min_window_size") ? "min_window_size"
                    : msg.startsWith("max_window_size") ? "max_window_size" : "step_size";
            throw ctx.error(param, msg.startsWith(param) ? msg.substring(param.length()).trim() : msg);
        }
    }

    /** How the assembler's functions say they cannot take the arguments given (see {@code Fns}). */
    private static boolean mismatch(RuntimeException e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("cannot take arguments") || m.contains("was given") && m.contains("argument");
    }
}
