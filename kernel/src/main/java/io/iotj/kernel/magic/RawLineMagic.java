package io.iotj.kernel.magic;

/**
 * A line magic that receives the rest of its line as written, for magics whose argument is
 * code ({@code %time}) where splitting into words would lose quoting and spacing.
 */
@FunctionalInterface
public interface RawLineMagic {
    /**
     * @param rest the text after the magic's name, trimmed
     * @return the value to show as the cell's result, or {@code null} for none
     */
    Object execute(String rest) throws Exception;
}
