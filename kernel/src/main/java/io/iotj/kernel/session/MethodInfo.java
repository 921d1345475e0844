package io.iotj.kernel.session;

/**
 * A method defined in a cell.
 *
 * @param name      the method's name
 * @param signature JShell's signature, e.g. {@code (double)double}
 * @param source    the snippet's source
 * @param callable  false while something it uses is not defined yet
 */
public record MethodInfo(String name, String signature, String source, boolean callable) {
}
