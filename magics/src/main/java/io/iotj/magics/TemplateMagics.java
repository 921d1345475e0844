package io.iotj.magics;

import io.iotj.display.Display;
import io.iotj.display.MimeBundle;
import io.iotj.kernel.KernelContext;
import io.iotj.magics.diagram.TemplateDiagram;
import io.iotj.magics.library.TemplateCatalog;
import io.iotj.magics.library.UserTemplates;
import io.iotj.parse.TemplateParser;
import io.iotj.template.ParsedTemplate;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateResult;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %%template [--save]}, {@code %template NAME} and {@code %templates}: define templates in
 * cells (text, or IoTpy's JSON when the body starts with <code>{</code> or {@code [}), look at
 * them as diagrams and JSON, list what the session knows.
 */
final class TemplateMagics {
    private final KernelContext kernel;
    private final TemplateCatalog catalog;
    private final UserTemplates userLibrary;
    private final NotebookFunctions functions;

    TemplateMagics(KernelContext kernel, TemplateCatalog catalog, UserTemplates userLibrary) {
        this.kernel = kernel;
        this.catalog = catalog;
        this.userLibrary = userLibrary;
        this.functions = new NotebookFunctions(kernel.session(), catalog);
    }

    /**
     * Reads the templates in a cell body, without registering them.
     *
     * @param lineOffset the cell line before the body's first line, for error positions
     */
    List<ParsedTemplate> read(String body, int lineOffset) throws Exception {
        String trimmed = body.stripLeading();
        TemplateResult r = trimmed.startsWith("{") || trimmed.startsWith("[")
                ? TemplateJson.read(body)
                : TemplateParser.parse(body, catalog.library());
        if (!r.ok()) {
            throw MagicErrors.ofTemplate(r.problems(), lineOffset);
        }
        if (r.templates().isEmpty()) {
            throw MagicErrors.of("TemplateError", "the cell holds no template: write "
                    + "name(inputs) -> outputs { lines } below %%template");
        }
        for (TemplateError w : r.warnings()) {
            kernel.warn(MagicErrors.shift(w, lineOffset).format());
        }
        return r.templates();
    }

    /** {@code %%template [--save]}. */
    Object templateCell(List<String> args, String body) throws Exception {
        boolean save = false;
        for (String a : args) {
            if (a.equals("--save")) {
                save = true;
            } else {
                throw MagicErrors.of("UsageError", "unknown option " + a + ": %%template [--save]");
            }
        }
        List<ParsedTemplate> read = read(body, 1);
        List<String> saved = new ArrayList<>();
        for (ParsedTemplate p : read) {
            catalog.addFromCell(p);
            catalog.find(p.template().name()).ifPresent(entry -> {
                for (TemplateError w : functions.undefinedYet(p.template(), entry)) {
                    kernel.warn(MagicErrors.shift(w, 1).format());
                }
            });
            if (save) {
                try {
                    Path f = userLibrary.save(p.template());
                    saved.add(f.toString());
                } catch (IOException e) {
                    throw MagicErrors.of("IOError", "could not save " + p.template().name()
                            + " to " + userLibrary.dir() + ": " + e.getMessage());
                }
            }
        }
        for (String f : saved) {
            System.out.println("saved to " + f);
        }
        for (int i = 0; i < read.size() - 1; i++) {
            show(read.get(i).template());
        }
        return showLast(read.getLast().template());
    }

    /** {@code %template NAME}. */
    Object template(List<String> args) throws Exception {
        if (args.size() != 1) {
            throw MagicErrors.of("UsageError", "%template NAME shows one template; %templates lists them");
        }
        String name = args.get(0);
        TemplateCatalog.Entry e = catalog.find(name).orElseThrow(() -> unknown(name));
        return showLast(e.template());
    }

    /** The error for a template name nobody defined, with near matches. */
    Exception unknown(String name) {
        List<String> near = catalog.near(name, 3);
        return MagicErrors.of("UnknownTemplate", "no template is called " + name
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                + " (%templates lists them)");
    }

    /** {@code %templates}: a Tablesaw table, shown as HTML by the Table renderer. */
    Table templates() {
        StringColumn name = StringColumn.create("name");
        StringColumn inputs = StringColumn.create("inputs");
        StringColumn outputs = StringColumn.create("outputs");
        StringColumn origin = StringColumn.create("origin");
        for (TemplateCatalog.Entry e : catalog.all()) {
            name.append(e.template().name());
            inputs.append(params(e.template().inputs(), e.template().optional()));
            outputs.append(params(e.template().outputs(), List.of()));
            origin.append(e.where().isEmpty() ? e.origin().word()
                    : e.origin().word() + " (" + e.where() + ")");
        }
        return Table.create("templates", name, inputs, outputs, origin);
    }

    private static String params(List<Param> ps, List<String> optional) {
        return ps.stream().map(p -> p.name() + (optional.contains(p.name()) ? "*" : "")
                        + (p.type() == null ? "" : ":" + p.type()))
                .collect(Collectors.joining(", "));
    }

    private void show(Template t) {
        kernel.display(diagram(t));
        kernel.display(json(t));
    }

    private Object showLast(Template t) {
        kernel.display(diagram(t));
        return json(t);
    }

    MimeBundle diagram(Template t) {
        return Display.svg(TemplateDiagram.svg(t, catalog.library()::find));
    }

    static MimeBundle json(Template t) {
        String text = TemplateJson.write(t);
        MimeBundle d = Display.json(text);
        // Frontends without a JSON view show the JSON text as written.
        return d.put(MimeBundle.TEXT, text);
    }
}
