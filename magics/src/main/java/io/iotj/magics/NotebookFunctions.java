package io.iotj.magics;

import io.iotj.assemble.Fn;
import io.iotj.assemble.FunctionResolver;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.magics.library.TemplateCatalog;
import io.iotj.magics.resolve.Invoker;
import io.iotj.magics.resolve.NotebookResolver;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The functions templates name, resolved in the notebook's order (cell methods, variables,
 * qualified static methods, built-ins), as the assembler's {@link FunctionResolver}, and checked
 * before a graph starts so an unknown name points at the template line that wrote it.
 */
final class NotebookFunctions {
    private final NotebookSession session;
    private final TemplateCatalog catalog;
    private final NotebookResolver resolver;
    private final ResolverSession resolverSession;

    NotebookFunctions(NotebookSession session, TemplateCatalog catalog) {
        this.session = session;
        this.catalog = catalog;
        this.resolverSession = new ResolverSession(session);
        this.resolver = new NotebookResolver(resolverSession, new LibraryBuiltins());
    }

    /** The function {@code name} as the library's function type. */
    Fn fn(String name) throws NotebookResolver.UnresolvedException {
        return fn(name, resolver.resolve(name));
    }

    /**
     * Resolves every function the template names as a constant, before anything starts; the
     * error lists each unknown name with the line of the template that wrote it.
     */
    void checkConstants(Template t, TemplateCatalog.Entry entry) throws Exception {
        List<TemplateError> problems = unresolved(t, entry, false);
        if (!problems.isEmpty()) {
            // Templates typed in a %%template cell count lines from the magic's line.
            throw MagicErrors.ofTemplate(problems, entry.origin() == TemplateCatalog.Origin.SESSION ? 1 : 0);
        }
    }

    /**
     * Warnings for the functions the template names that are not defined yet, each at the template
     * line that names it, with near matches: a {@code %%template} cell is accepted anyway, since the
     * function may be defined in a later cell (it must exist when the template is assembled).
     */
    List<TemplateError> undefinedYet(Template t, TemplateCatalog.Entry entry) {
        return unresolved(t, entry, true);
    }

    private List<TemplateError> unresolved(Template t, TemplateCatalog.Entry entry, boolean asWarnings) {
        List<TemplateError> problems = new ArrayList<>();
        for (int i = 0; i < t.externals().size(); i++) {
            External e = t.externals().get(i);
            String fn = functionConstant(t, e);
            if (fn == null) {
                continue;
            }
            try {
                resolver.resolve(fn);
            } catch (NotebookResolver.UnresolvedException ex) {
                String where = "in template " + t.name() + ", part " + e.part() + ": ";
                problems.add(asWarnings
                        ? entry.sourceMap().warning(entry.sourceMap().external(i).value(), where + ex.getMessage()
                                + " (yet: it must be defined before the template is assembled)")
                        : entry.sourceMap().error(entry.sourceMap().external(i).value(), where + ex.getMessage()));
            }
        }
        return problems;
    }

    /** The function name a quoted constant gives to a {@code function} parameter, or null. */
    private String functionConstant(Template t, External e) {
        String ext = e.ext().strip();
        if (ext.length() < 2 || !(ext.startsWith("\"") && ext.endsWith("\""))) {
            return null;
        }
        String partTemplate = t.components().stream().filter(c -> c.part().equals(e.part()))
                .map(Component::template).findFirst().orElse(null);
        if (partTemplate == null) {
            return null;
        }
        Optional<Template> pt = catalog.library().find(partTemplate);
        boolean isFunction = pt.map(x -> x.inputs().stream()
                .anyMatch(p -> p.name().equals(e.param()) && p.isFunction())).orElse(false);
        return isFunction ? ext.substring(1, ext.length() - 1) : null;
    }

    /** The notebook's resolution order as the assembler's resolver. */
    FunctionResolver asResolver() {
        return new FunctionResolver() {
            @Override
            public Optional<Fn> resolve(String name) {
                try {
                    return Optional.of(fn(name));
                } catch (NotebookResolver.UnresolvedException e) {
                    return Optional.empty();
                }
            }

            @Override
            public List<String> knownNames() {
                return new ArrayList<>(resolverSession.names());
            }
        };
    }

    /** An invoker as the library's function type; the user's exceptions pass unchanged. */
    static Fn fn(String name, Invoker invoker) {
        return new Fn() {
            @Override
            public Object call(Object... args) {
                try {
                    return invoker.call(args);
                } catch (Exception e) {
                    throw NotebookFunctions.<RuntimeException>sneaky(e);
                }
            }

            @Override
            public String describe() {
                return invoker.describe();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Rethrows a checked exception of the user's code as it is, so the graph's failure shows it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
