package io.iotj.ml.smile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import smile.anomaly.IsolationForest;
import smile.classification.KNN;
import smile.classification.LogisticRegression;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.ElasticNet;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

/** The Smile algorithms {@link SmileModels} knows by name. */
final class Algorithms {

    private static final Map<String, Algorithm> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of(
            "linear_regression", "ols",
            "ridge_regression", "ridge",
            "logistic_regression", "logistic",
            "random_forest_classifier", "random_forest",
            "k_means", "kmeans");

    static {
        add("ols", Kind.REGRESSION, "smile.ols.", new OLS.Options(OLS.Method.QR, false, false).toProperties(),
                OLS.Options::of,
                (p, x, y) -> linear("ols", OLS.fit(Frames.FORMULA, Frames.regression(x, y), OLS.Options.of(p)), x));
        add("ridge", Kind.REGRESSION, "smile.ridge.", new RidgeRegression.Options(1.0).toProperties(),
                RidgeRegression.Options::of,
                (p, x, y) -> linear("ridge", RidgeRegression.fit(Frames.FORMULA, Frames.regression(x, y),
                        ones(x.length), RidgeRegression.Options.of(p)), x));
        add("lasso", Kind.REGRESSION, "smile.lasso.", new LASSO.Options(1.0).toProperties(), LASSO.Options::of,
                (p, x, y) -> linear("lasso", LASSO.fit(Frames.FORMULA, Frames.regression(x, y), LASSO.Options.of(p)), x));
        add("elastic_net", Kind.REGRESSION, "smile.elastic_net.", new ElasticNet.Options(0.1, 0.1).toProperties(),
                ElasticNet.Options::of,
                (p, x, y) -> linear("elastic_net",
                        ElasticNet.fit(Frames.FORMULA, Frames.regression(x, y), ElasticNet.Options.of(p)), x));
        add("random_forest_regression", Kind.REGRESSION, "smile.random_forest.",
                new smile.regression.RandomForest.Options(100).toProperties(), smile.regression.RandomForest.Options::of,
                (p, x, y) -> {
                    var m = smile.regression.RandomForest.fit(Frames.FORMULA, Frames.regression(x, y),
                            smile.regression.RandomForest.Options.of(p));
                    return framed("random_forest_regression", Kind.REGRESSION, m, m::predict, x);
                });
        add("gradient_boost_regression", Kind.REGRESSION, "smile.gradient_boost.",
                new smile.regression.GradientTreeBoost.Options(smile.base.cart.Loss.ls(), 100).toProperties(),
                smile.regression.GradientTreeBoost.Options::of,
                (p, x, y) -> {
                    var m = smile.regression.GradientTreeBoost.fit(Frames.FORMULA, Frames.regression(x, y),
                            smile.regression.GradientTreeBoost.Options.of(p));
                    return framed("gradient_boost_regression", Kind.REGRESSION, m, m::predict, x);
                });
        add("regression_tree", Kind.REGRESSION, "smile.cart.", new smile.regression.RegressionTree.Options().toProperties(),
                smile.regression.RegressionTree.Options::of,
                (p, x, y) -> {
                    var m = smile.regression.RegressionTree.fit(Frames.FORMULA, Frames.regression(x, y),
                            smile.regression.RegressionTree.Options.of(p));
                    return framed("regression_tree", Kind.REGRESSION, m, m::predict, x);
                });
        add("logistic", Kind.CLASSIFICATION, "smile.logistic.", new LogisticRegression.Options().toProperties(),
                LogisticRegression.Options::of,
                (p, x, y) -> {
                    var m = LogisticRegression.fit(x, Frames.labels(y, "logistic"), LogisticRegression.Options.of(p));
                    return new SmileFit("logistic", Kind.CLASSIFICATION, m, m::predict, x.length);
                });
        add("random_forest", Kind.CLASSIFICATION, "smile.random_forest.",
                new smile.classification.RandomForest.Options(100).toProperties(),
                smile.classification.RandomForest.Options::of,
                (p, x, y) -> {
                    var m = smile.classification.RandomForest.fit(Frames.FORMULA,
                            Frames.classification(x, Frames.labels(y, "random_forest")),
                            smile.classification.RandomForest.Options.of(p));
                    return framed("random_forest", Kind.CLASSIFICATION, m, m::predict, x);
                });
        add("gradient_boost", Kind.CLASSIFICATION, "smile.gradient_boost.",
                new smile.classification.GradientTreeBoost.Options(100).toProperties(),
                smile.classification.GradientTreeBoost.Options::of,
                (p, x, y) -> {
                    var m = smile.classification.GradientTreeBoost.fit(Frames.FORMULA,
                            Frames.classification(x, Frames.labels(y, "gradient_boost")),
                            smile.classification.GradientTreeBoost.Options.of(p));
                    return framed("gradient_boost", Kind.CLASSIFICATION, m, m::predict, x);
                });
        add("decision_tree", Kind.CLASSIFICATION, "smile.cart.",
                new smile.classification.DecisionTree.Options().toProperties(),
                smile.classification.DecisionTree.Options::of,
                (p, x, y) -> {
                    var m = smile.classification.DecisionTree.fit(Frames.FORMULA,
                            Frames.classification(x, Frames.labels(y, "decision_tree")),
                            smile.classification.DecisionTree.Options.of(p));
                    return framed("decision_tree", Kind.CLASSIFICATION, m, m::predict, x);
                });
        Properties knn = new Properties();
        knn.setProperty("smile.knn.k", "5");
        add("knn", Kind.CLASSIFICATION, "smile.knn.", knn, p -> Integer.parseInt(p.getProperty("smile.knn.k")),
                (p, x, y) -> {
                    var m = KNN.fit(x, Frames.labels(y, "knn"), Integer.parseInt(p.getProperty("smile.knn.k")));
                    return new SmileFit("knn", Kind.CLASSIFICATION, m, m::predict, x.length);
                });
        add("kmeans", Kind.CLUSTERING, "smile.clustering.", new Clustering.Options(2, 100).toProperties(),
                Clustering.Options::of,
                (p, x, y) -> {
                    CentroidClustering<double[], double[]> m = KMeans.fit(x, Clustering.Options.of(p));
                    return new SmileFit("kmeans", Kind.CLUSTERING, m, m::predict, x.length);
                });
        add("xmeans", Kind.CLUSTERING, "smile.clustering.", new Clustering.Options(10, 100).toProperties(),
                Clustering.Options::of,
                (p, x, y) -> {
                    CentroidClustering<double[], double[]> m = smile.clustering.XMeans.fit(x, Clustering.Options.of(p));
                    return new SmileFit("xmeans", Kind.CLUSTERING, m, m::predict, x.length);
                });
        add("gmeans", Kind.CLUSTERING, "smile.clustering.", new Clustering.Options(10, 100).toProperties(),
                Clustering.Options::of,
                (p, x, y) -> {
                    CentroidClustering<double[], double[]> m = smile.clustering.GMeans.fit(x, Clustering.Options.of(p));
                    return new SmileFit("gmeans", Kind.CLUSTERING, m, m::predict, x.length);
                });
        add("isolation_forest", Kind.ANOMALY, "smile.isolation_forest.",
                new IsolationForest.Options().toProperties(), IsolationForest.Options::of,
                (p, x, y) -> {
                    var m = IsolationForest.fit(x, IsolationForest.Options.of(p));
                    return new SmileFit("isolation_forest", Kind.ANOMALY, m, m::score, x.length);
                });
    }

    private Algorithms() {
    }

    private static void add(String name, Kind kind, String prefix, Properties defaults,
                            java.util.function.Function<Properties, ?> parse, Fitter fitter) {
        BY_NAME.put(name, new Algorithm(name, kind, prefix, defaults, parse, fitter));
    }

    /** A model fitted on a data frame (the tree models) predicts from the features as a tuple. */
    private static SmileFit framed(String name, Kind kind, Object model, ToDoubleFunction<Tuple> predict, double[][] x) {
        StructType schema = Frames.featureSchema(x[0].length);
        return new SmileFit(name, kind, model, v -> predict.applyAsDouble(Frames.tuple(schema, v)), x.length);
    }

    private static SmileFit linear(String name, LinearModel m, double[][] x) {
        return new SmileFit(name, Kind.REGRESSION, m, m::predict, x.length);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** The algorithm of that name (case, '-' and spaces ignored), or null. */
    static Algorithm find(String name) {
        String key = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        return BY_NAME.get(ALIASES.getOrDefault(key, key));
    }

    static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }
}
