package io.iotj.parse;

import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures: resources and a library with IoTpy's ML template signatures. */
final class Fixtures {
    private Fixtures() {
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/io/iotj/parse/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The standard leaves plus the signatures (inputs, outputs, optional) IoTpy declared for its ML
     * templates train, predict and plot; the ML module will register the real ones.
     */
    static TemplateLibrary mlLibrary() {
        Param function = new Param("function", "function");
        return TemplateLibrary.standard()
                .register(signature("train",
                        List.of(function, Param.of("num_features"), Param.of("min_window_size"),
                                Param.of("max_window_size"), Param.of("step_size"), new Param("in", "stream")),
                        List.of(new Param("model", "stream"))))
                .register(signature("predict",
                        List.of(function, Param.of("num_features"), new Param("in", "stream"),
                                new Param("model", "stream")),
                        List.of(new Param("out", "stream"))))
                .register(signature("plot",
                        List.of(function, new Param("model", "stream"), new Param("in", "stream"),
                                Param.of("num_features"), Param.of("min_window_size"), Param.of("max_window_size"),
                                Param.of("step_size")),
                        List.of()));
    }

    static Template signature(String name, List<Param> inputs, List<Param> outputs) {
        return new Template(name, name, inputs, outputs, List.of(), List.of(), List.of(), List.of());
    }
}
