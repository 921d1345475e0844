package io.iotj.template;

import java.util.List;
import java.util.Objects;

/**
 * IoTpy's template model: what IoTpy stores as JSON.
 *
 * <p>A leaf template has {@code assembly} equal to its own implementation name (e.g. {@code "map"})
 * and no components; a composite has {@code assembly} equal to {@value #ASSEMBLE} and is built from
 * components wired by externals and internals.
 *
 * @param name       the template's name
 * @param assembly   {@value #ASSEMBLE} for composites, else the leaf's name
 * @param inputs     declared inputs, in order
 * @param outputs    declared outputs, in order
 * @param optional   names of optional parameters
 * @param components the parts of a composite, in order
 * @param externals  connections between the template's own parameters (or constants) and parts
 * @param internals  connections between parts
 */
public record Template(String name, String assembly, List<Param> inputs, List<Param> outputs,
                       List<String> optional, List<Component> components,
                       List<External> externals, List<Internal> internals) {
    /** The {@code assembly} value of a composite template. */
    public static final String ASSEMBLE = "assemble";

    public Template {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(assembly, "assembly");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        optional = List.copyOf(optional);
        components = List.copyOf(components);
        externals = List.copyOf(externals);
        internals = List.copyOf(internals);
    }

    /** True for a template built from parts, false for a leaf. */
    public boolean isComposite() {
        return ASSEMBLE.equals(assembly);
    }
}
