package io.iotj.kernel.magic;

/** Runs notebook code for magics that wrap code, such as {@code %time}. */
@FunctionalInterface
public interface CodeRunner {
    /**
     * @return the value of the code's last expression, or {@code null} when it has none
     * @throws Exception when the code fails to compile or throws (the kernel shows it as the cell's error)
     */
    Object run(String code) throws Exception;
}
