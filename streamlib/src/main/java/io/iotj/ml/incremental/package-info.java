/**
 * Learning that reuses work between overlapping windows:
 * {@link io.iotj.ml.incremental.LinearRegressionStream} (exact least squares from running sums, per
 * window O(d²) per row plus an O(d³) solve, instead of an O(n·d²) refit) and
 * {@link io.iotj.ml.incremental.KMeansStream} (k-means seeded with the previous window's centroids).
 * {@code MlBenchmark} in the test sources measures both.
 */
package io.iotj.ml.incremental;
