package io.iotj.kernel;

import io.iotj.display.MimeBundle;

import java.util.LinkedHashMap;
import java.util.Map;

/** Converts display bundles to the shapes Jupyter messages carry. */
final class Bundles {
    private Bundles() {
    }

    /** The basekernel's bundle type, for the {@link io.github.spencerpark.jupyter.kernel.BaseKernel} API. */
    static io.github.spencerpark.jupyter.kernel.display.DisplayData toBase(MimeBundle d) {
        io.github.spencerpark.jupyter.kernel.display.DisplayData out = new io.github.spencerpark.jupyter.kernel.display.DisplayData();
        d.data().forEach(out::putData);
        d.metadata().forEach(out::putMetaData);
        return out;
    }

    static Map<String, Object> data(MimeBundle d) {
        return new LinkedHashMap<>(d.data());
    }

    static Map<String, Object> metadata(MimeBundle d) {
        return new LinkedHashMap<>(d.metadata());
    }
}
