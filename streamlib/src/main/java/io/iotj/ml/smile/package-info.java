/**
 * Smile (GPL-3.0) models as training and prediction functions without wrapper code:
 * {@link io.iotj.ml.smile.SmileModels#of(String, java.util.Map)} names a model and its
 * hyper-parameters; {@link io.iotj.ml.smile.SmileModel} wraps any other Smile model with a lambda.
 */
package io.iotj.ml.smile;
