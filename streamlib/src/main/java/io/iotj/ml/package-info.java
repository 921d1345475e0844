/**
 * Machine learning over streams, after IoTpy's ML framework: a training function fitted to each
 * window of a stream, and a prediction function applying the latest model to each new row.
 *
 * <pre>{@code
 * // y = a + b·x learned over windows growing from 5 to 30 rows, moving by 2
 * Trainer<double[]> trainer = Trainer.of(TrainFunction.singleTarget((x, y, model, window) -> fit(x, y)),
 *         1, 5, 30, 2);
 * Predictor<double[], Double> predictor = new Predictor<>((x, m) -> m[0] + m[1] * x[0], 1);
 * for (double[] row : rows) {                  // row = {x, y}
 *     trainer.push(row).forEach(predictor::model);
 *     predictor.predict(row).ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * <ul>
 * <li>{@link io.iotj.stream.DynamicWindow} (shared with the {@code dynamic_window} operator):
 * IoTpy's window (grow from min to max by step, then slide; the training function may reset it
 * through its {@link io.iotj.stream.WindowState}, at once).</li>
 * <li>{@link io.iotj.ml.TrainFunction}, {@link io.iotj.ml.SingleTargetTrainFunction},
 * {@link io.iotj.ml.UnsupervisedTrainFunction}, {@link io.iotj.ml.IncrementalTrainFunction},
 * {@link io.iotj.ml.PredictFunction}: what users write.</li>
 * <li>{@link io.iotj.ml.Trainer}, {@link io.iotj.ml.Predictor}: the engines of the {@code train} and
 * {@code predict} templates; {@link io.iotj.ml.MlFunctions} builds them from whatever a template
 * names (a notebook method, a lambda, a Smile model, an incremental model).</li>
 * <li>{@link io.iotj.ml.incremental}: exact sliding-window least squares and warm-started k-means.</li>
 * <li>{@link io.iotj.ml.smile}: Smile models by name and hyper-parameters.</li>
 * </ul>
 */
package io.iotj.ml;
