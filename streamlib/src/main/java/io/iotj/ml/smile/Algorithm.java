package io.iotj.ml.smile;

import java.util.Properties;
import java.util.function.Function;

/**
 * A Smile algorithm known by name: its kind, the prefix of its Smile property names
 * ({@code smile.ridge.} for ridge), its default hyper-parameters, and how to train it.
 *
 * @param parse builds Smile's options from properties; used to check hyper-parameters early
 */
record Algorithm(String name, Kind kind, String prefix, Properties defaults, Function<Properties, ?> parse,
                 Fitter fitter) {
}
