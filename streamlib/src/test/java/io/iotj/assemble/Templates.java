package io.iotj.assemble;

import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.util.List;

/** Templates used by the tests, as IoTpy's JSON model. */
final class Templates {
    private Templates() {
    }

    static Param stream(String name) {
        return new Param(name, Param.STREAM);
    }

    /** IoTpy's {@code test} template, exactly as printed in its section 3.1.2. */
    static Template thesisTest() {
        return new Template("test", Template.ASSEMBLE,
                List.of(stream("x"), stream("y")), List.of(stream("z")), List.of(),
                List.of(new Component("map0", "map"), new Component("map1", "map"), new Component("zip0", "zip")),
                List.of(new External("z", "zip0", "out"), new External("x", "map0", "in"),
                        new External("\"times_two\"", "map0", "function"), new External("x", "map1", "in"),
                        new External("\"iden\"", "map1", "function")),
                List.of(new Internal("map0", "out", null, "zip0", "in", 0), new Internal("map1", "out", null, "zip0", "in", 1)));
    }

    static Template composite(String name, List<Param> ins, List<Param> outs, List<Component> parts,
                              List<External> ext, List<Internal> internals) {
        return new Template(name, Template.ASSEMBLE, ins, outs, List.of(), parts, ext, internals);
    }
}
