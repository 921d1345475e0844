package io.iotj.magics;

import io.iotj.display.MimeBundle;
import io.iotj.kernel.KernelContext;
import io.iotj.kernel.KernelExtension;
import io.iotj.magics.table.TableHtml;
import io.iotj.magics.diagram.TemplateDiagram;
import io.iotj.magics.table.StreamTables;
import io.iotj.runtime.GraphStatus;
import io.iotj.runtime.RunningGraph;
import io.iotj.stream.Tuple;
import io.iotj.template.TemplateLibrary;
import io.iotj.magics.library.TemplateCatalog;
import io.iotj.magics.library.UserTemplates;
import io.iotj.magics.live.LiveDisplays;
import io.iotj.magics.session.GraphRegistry;
import io.iotj.template.ParsedTemplate;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stream magics as a kernel extension: {@code %%template}, {@code %template},
 * {@code %templates}, {@code %assemble}, {@code %%assemble}, {@code %streams}, {@code %stop}, and
 * the HTML renderer of Tablesaw tables. Found by the kernel through {@code ServiceLoader}.
 */
public final class StreamMagics implements KernelExtension {
    private static final GraphThreads THREADS = new GraphThreads();
    private TemplateCatalog catalog;

    @Override
    public void start(KernelContext kernel) {
        kernel.renderers().register(Table.class, t -> new MimeBundle()
                .put(MimeBundle.HTML, TableHtml.render(t))
                .put(MimeBundle.TEXT, t.rowCount() > TableHtml.MAX_ROWS ? t.print(TableHtml.MAX_ROWS) : t.printAll()));

        kernel.summaries().register(RunningGraph.class, StreamMagics::graphSummary);
        warmUp();
        catalog = new TemplateCatalog();
        UserTemplates library = UserTemplates.fromEnvironment();
        loadLibrary(library, catalog, kernel::startupNote);

        TemplateMagics templates = new TemplateMagics(kernel, catalog, library);
        kernel.magics().registerCellMagic("template", templates::templateCell);
        kernel.magics().registerLineMagic("template", templates::template);
        kernel.magics().registerLineMagic("templates", args -> templates.templates());

        LiveDisplays displays = new LiveDisplays();
        GraphRegistry registry = new GraphRegistry();
        NodeMagics nodes = new NodeMagics(kernel, displays, registry);
        GraphMagics graphs = new GraphMagics(kernel, catalog, templates, registry, displays, THREADS, nodes);
        kernel.magics().registerRawLineMagic("assemble", graphs::assembleLine);
        kernel.magics().registerCellMagic("assemble", graphs::assembleCell);
        kernel.magics().registerLineMagic("streams", args -> graphs.streams());
        kernel.magics().registerLineMagic("stop", graphs::stop);
        kernel.magics().registerLineMagic("nodes", nodes::nodes);
        SqlMagic sql = new SqlMagic(kernel);
        kernel.magics().registerCellMagic("sql", sql::sql);
        kernel.onShutdown(() -> {
            sql.close();
            graphs.stopAll();
            nodes.close();
            displays.close();
        });
    }

    /**
     * How many threads that ran parts of this session's graphs are still alive: 0 once every
     * graph has stopped. For tests and for users who want to check.
     */
    public static int graphThreads() {
        return THREADS.alive();
    }

    /**
     * Loads the classes of the first live table and diagram (Tablesaw's among them, about 0.4 s
     * here) in the background while the user types, so the first {@code %assemble} is not slower
     * than the next ones.
     */
    private static void warmUp() {
        Thread.ofVirtual().name("iotj-magics-warmup").start(() -> {
            try {
                TableHtml.render(StreamTables.of("warm-up", List.of(Tuple.of(1, 2.5), Tuple.of(3, 4.5))));
                TemplateDiagram.svg(TemplateLibrary.leaves().get(0));
            } catch (RuntimeException | LinkageError e) {
                // Only a warm-up: the real use reports its own problems.
            }
        });
    }

    /**
     * Adds the library's templates to {@code catalog}. Its problems become start-up notes: the
     * library loads before any cell runs, so printed they would reach only the kernel's log.
     */
    static void loadLibrary(UserTemplates library, TemplateCatalog catalog, Consumer<String> note) {
        UserTemplates.Loaded loaded = library.load();
        for (Map.Entry<Path, ParsedTemplate> e : loaded.templates()) {
            try {
                catalog.addFromLibrary(e.getValue(), e.getKey().toString());
            } catch (RuntimeException ex) {
                note.accept("template library " + e.getKey() + ": " + ex.getMessage());
            }
        }
        for (String p : loaded.problems()) {
            note.accept("template library: " + p);
        }
    }

    /** The session's templates (for other extensions and tests). */
    public TemplateCatalog catalog() {
        return catalog;
    }

    /** A graph in {@code %vars}: its status first, as {@code %streams} shows it. */
    static String graphSummary(RunningGraph g) {
        GraphStatus st = g.status();
        String head = st.state().word() + " (" + g.mode() + " graph " + g.name() + ")";
        if (st.state() != GraphStatus.State.FAILED) {
            return head;
        }
        Throwable e = st.error();
        return head + ": part " + st.part() + " failed"
                + (e == null ? "" : ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
