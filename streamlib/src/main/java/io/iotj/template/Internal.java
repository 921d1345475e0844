package io.iotj.template;

import java.util.Objects;

/**
 * Connects a parameter of one part to a parameter of another part of the same composite template.
 *
 * <p>JSON: {@code [src, srcParam, dst, dstParam]}, {@code [src, srcParam, dst, dstParam, dstIndex]}
 * or {@code [src, srcParam, srcIndex, dst, dstParam, dstIndex]} (IoTpy's forms).
 *
 * @param srcPart  the producing part
 * @param srcParam the producing part's parameter (usually an output)
 * @param srcIndex position within a list-valued source parameter, or {@code null}
 * @param dstPart  the consuming part
 * @param dstParam the consuming part's parameter
 * @param dstIndex position within a list-valued destination parameter, or {@code null}
 */
public record Internal(String srcPart, String srcParam, Integer srcIndex,
                       String dstPart, String dstParam, Integer dstIndex) {
    public Internal {
        Objects.requireNonNull(srcPart, "srcPart");
        Objects.requireNonNull(srcParam, "srcParam");
        Objects.requireNonNull(dstPart, "dstPart");
        Objects.requireNonNull(dstParam, "dstParam");
    }

    /** A one-to-one internal connection. */
    public Internal(String srcPart, String srcParam, String dstPart, String dstParam) {
        this(srcPart, srcParam, null, dstPart, dstParam, null);
    }
}
