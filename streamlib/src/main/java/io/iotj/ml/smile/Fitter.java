package io.iotj.ml.smile;

import java.util.Properties;

/** Trains one Smile algorithm on a window, with hyper-parameters given as Smile properties. */
@FunctionalInterface
interface Fitter {

    /** @param y the target column, or {@code null} for unsupervised algorithms */
    SmileFit fit(Properties params, double[][] x, double[] y);
}
