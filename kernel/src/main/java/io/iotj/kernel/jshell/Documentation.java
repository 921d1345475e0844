package io.iotj.kernel.jshell;

/**
 * What {@link JavaEvaluator#inspect} found for the code at the cursor.
 *
 * @param signature e.g. {@code String String.valueOf(Object obj)}
 * @param javadoc   the Javadoc text, or "" when no source is available
 */
public record Documentation(String signature, String javadoc) {
}
