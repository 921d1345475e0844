package io.iotj.ml.smile;

import io.iotj.ml.MlException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Smile models by name, with hyper-parameters, so a notebook needs no wrapper code:
 *
 * <pre>{@code
 * SmileModel ridge = SmileModels.of("ridge", Map.of("lambda", 0.1));
 * Trainer<SmileFit> t = ridge.trainer(2, 5, 30, 2);
 * }</pre>
 *
 * <p>Names: {@code ols}, {@code ridge}, {@code lasso}, {@code elastic_net},
 * {@code random_forest_regression}, {@code gradient_boost_regression}, {@code regression_tree}
 * (regression); {@code logistic}, {@code random_forest}, {@code gradient_boost},
 * {@code decision_tree}, {@code knn} (classification); {@code kmeans}, {@code xmeans} and
 * {@code gmeans} (k = the most clusters) (clustering); {@code isolation_forest} (anomaly scores). Hyper-parameters use Smile's own property names without the prefix, e.g. {@code lambda},
 * {@code trees}, {@code max_depth}, {@code k}; camelCase ({@code maxDepth}) works too. An unknown
 * name or hyper-parameter, or a bad value, fails here with the list of what is allowed. Any other
 * Smile model: {@link SmileModel#regression}, {@link SmileModel#classification},
 * {@link SmileModel#custom}.
 */
public final class SmileModels {

    private SmileModels() {
    }

    /** The named model with its default hyper-parameters. */
    public static SmileModel of(String name) {
        return of(name, Map.of());
    }

    /**
     * The named model with the given hyper-parameters.
     *
     * @param params hyper-parameter names (without Smile's prefix) to numbers, strings or booleans
     * @throws MlException for an unknown model, unknown hyper-parameter or a value Smile rejects
     */
    public static SmileModel of(String name, Map<String, ?> params) {
        Algorithm a = name == null ? null : Algorithms.find(name);
        if (a == null) {
            throw new MlException("unknown Smile model '" + name + "'; known: " + String.join(", ", names()));
        }
        Properties props = new Properties();
        props.putAll(a.defaults());
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String key = a.prefix() + snake(e.getKey());
            if (!a.defaults().containsKey(key)) {
                throw new MlException("unknown hyper-parameter '" + e.getKey() + "' for " + a.name() + "; known: "
                        + String.join(", ", known(a)));
            }
            props.setProperty(key, format(e.getValue(), a.defaults().getProperty(key)));
        }
        try {
            a.parse().apply(props);
        } catch (RuntimeException e) {
            throw new MlException("bad hyper-parameters for " + a.name() + " " + params + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        Properties fixed = props;
        return new SmileModel(a.name(), a.kind(), (x, y) -> a.fitter().fit(fixed, x, y));
    }

    /**
     * The named model with hyper-parameters written as text, {@code "lambda=0.1, trees=50"}: the
     * form a template can pass, e.g. {@code func(function="io.iotj.ml.smile.SmileModels.of",
     * parameters=["ridge", "lambda=0.1"])}.
     *
     * @throws MlException for text that is not {@code name=value} pairs separated by commas
     */
    public static SmileModel of(String name, String params) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (params != null && !params.isBlank()) {
            for (String pair : params.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                    throw new MlException("hyper-parameters for " + name + " must be name=value pairs separated by"
                            + " commas, e.g. \"lambda=0.1, trees=50\"; got \"" + params + "\"");
                }
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return of(name, map);
    }

    /** The names {@link #of} accepts (aliases aside). */
    public static Set<String> names() {
        return Algorithms.names();
    }

    /** The hyper-parameters of a named model with their default values, e.g. {@code {lambda=[1.0], beta0=[0.0]}}. */
    public static Map<String, String> defaults(String name) {
        Algorithm a = Algorithms.find(name);
        if (a == null) {
            throw new MlException("unknown Smile model '" + name + "'; known: " + String.join(", ", names()));
        }
        var out = new java.util.TreeMap<String, String>();
        for (String k : a.defaults().stringPropertyNames()) {
            out.put(k.substring(a.prefix().length()), a.defaults().getProperty(k));
        }
        return out;
    }

    private static Set<String> known(Algorithm a) {
        Set<String> out = new TreeSet<>();
        for (String k : a.defaults().stringPropertyNames()) {
            out.add(k.substring(a.prefix().length()));
        }
        return out;
    }

    /** Smile's text for a value; list-valued parameters (default "[1.0]") take a single number or an array too. */
    private static String format(Object value, String defaultValue) {
        String text;
        if (value instanceof double[] a) {
            text = java.util.Arrays.toString(a);
        } else if (value instanceof int[] a) {
            text = java.util.Arrays.toString(a);
        } else if (value instanceof java.util.Collection<?> c) {
            text = c.toString();
        } else {
            text = String.valueOf(value);
        }
        if (defaultValue.startsWith("[") && !text.startsWith("[")) {
            text = "[" + text + "]";
        }
        return text;
    }

    /** maxDepth → max_depth, so Java-style names work too. */
    private static String snake(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
