package io.iotj.magics;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.Assembly;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.LeafRegistry;
import io.iotj.assemble.TemplateSource;
import io.iotj.connect.ConnectorLeaves;
import io.iotj.display.MimeBundle;
import io.iotj.kernel.KernelContext;
import io.iotj.kernel.output.OutputContext;
import io.iotj.magics.args.ArgException;
import io.iotj.magics.args.AssembleArgs;
import io.iotj.magics.chart.PlotLeaf;
import io.iotj.magics.chart.TrainingProgress;
import io.iotj.magics.library.TemplateCatalog;
import io.iotj.magics.live.LiveDisplays;
import io.iotj.magics.live.LiveStreamView;
import io.iotj.magics.live.StreamsView;
import io.iotj.magics.session.GraphRegistry;
import io.iotj.magics.session.NotebookGraph;
import io.iotj.magics.session.SessionGraph;
import io.iotj.remote.runtime.DistributedRuntime;
import io.iotj.remote.security.Secret;
import io.iotj.ml.MlLeaves;
import io.iotj.runtime.ExecutionHook;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.GraphRuntime;
import io.iotj.runtime.RuntimeOptions;
import io.iotj.runtime.Runtimes;
import io.iotj.template.Names;
import io.iotj.template.ParsedTemplate;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code %assemble}, {@code %%assemble}, {@code %streams} and {@code %stop}: start graphs from
 * templates in the background, bind their handles in JShell, show their outputs as live tables,
 * list and stop them.
 */
final class GraphMagics {
    /** The library's leaves, the ML leaves (train, predict), the sources and sinks, and the plot leaf. */
    private static final LeafRegistry LEAVES = PlotLeaf.register(ConnectorLeaves.register(MlLeaves.register(LeafRegistry.standard())));

    private final KernelContext kernel;
    private final TemplateCatalog catalog;
    private final TemplateMagics templates;
    private final GraphRegistry graphs;
    private final LiveDisplays displays;
    private final NotebookFunctions functions;
    private final GraphThreads threads;
    private final NodeMagics nodes;
    private LiveDisplays.Handle streamsDisplay;

    GraphMagics(KernelContext kernel, TemplateCatalog catalog, TemplateMagics templates,
                GraphRegistry graphs, LiveDisplays displays, GraphThreads threads, NodeMagics nodes) {
        this.kernel = kernel;
        this.catalog = catalog;
        this.templates = templates;
        this.graphs = graphs;
        this.displays = displays;
        this.threads = threads;
        this.nodes = nodes;
        this.functions = new NotebookFunctions(kernel.session(), catalog);
    }

    /** {@code %assemble NAME [k=v ...] [--as VAR] [--mode M] [--broker URI] [--rows N]}. */
    Object assembleLine(String rest) throws Exception {
        AssembleArgs a = args(() -> AssembleArgs.parseLine(rest));
        TemplateCatalog.Entry e = catalog.find(a.template()).orElseThrow(() -> templates.unknown(a.template()));
        start(a, e.template(), e);
        return null;
    }

    /** {@code %%assemble [k=v ...] [flags]} with a template in the body: define and start it. */
    Object assembleCell(List<String> words, String body) throws Exception {
        String line = requote(words);
        AssembleArgs a = args(() -> AssembleArgs.parseCellFlags(line));
        List<ParsedTemplate> read = templates.read(body, 1);
        for (ParsedTemplate p : read) {
            catalog.addFromCell(p);
        }
        Template t = read.getLast().template();
        kernel.display(templates.diagram(t));
        start(a, t, catalog.find(t.name()).orElseThrow());
        return null;
    }

    private static AssembleArgs args(java.util.function.Supplier<AssembleArgs> parse) throws Exception {
        try {
            return parse.get();
        } catch (ArgException e) {
            throw MagicErrors.of("UsageError", e.getMessage());
        }
    }

    /** Words split by the kernel, quoted again where they hold blanks, for the flag reader. */
    private static String requote(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            String value = eq < 0 ? w : w.substring(eq + 1);
            if (value.chars().anyMatch(Character::isWhitespace) || value.contains("\"")) {
                String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                out.add(eq < 0 ? quoted : w.substring(0, eq + 1) + quoted);
            } else {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }

    private void start(AssembleArgs a, Template t, TemplateCatalog.Entry entry) throws Exception {
        functions.checkConstants(t, entry);
        boolean remote = a.mode() == AssembleArgs.Mode.DISTRIBUTED;
        // Remote nodes get function names and constants; local runtimes resolved objects.
        Map<String, Object> values = remote ? AssembleValues.forNodes(a, t, kernel.session())
                : AssembleValues.of(a, t, kernel.session(), functions);
        TrainingProgress training = new TrainingProgress();
        GraphRuntime runtime = remote ? distributed(a, t, values) : local(a, training);

        String name = a.as() != null ? a.as() : graphs.freshName(t.name());
        Assembly assembly;
        try {
            Assembler assembler = new Assembler(templateSource(), LEAVES,
                    FunctionResolver.standard(functions.asResolver()));
            PlotLeaf.forgetAssembled();
            assembly = assembler.assemble(name, t, values);
        } catch (AssemblyException ex) {
            throw assemblyError(ex, t, entry);
        }
        // Re-running a cell with --as replaces its graph, once the new one is known to assemble.
        Optional<SessionGraph> old = graphs.get(name);
        if (old.isPresent() && !old.get().status().finished()) {
            old.get().stop();
            System.out.println("stopped the earlier graph " + name);
        }

        OutputContext ctx = kernel.currentOutput();
        // Graph threads start without any cell's stop token, so interrupting a cell never stops
        // them, and they print into this cell.
        RunningGraph running = kernel.session().outsideCell(() -> runtime.start(assembly.graph()));
        NotebookGraph graph = new NotebookGraph(running, t.name());
        graphs.add(graph);
        try {
            kernel.session().bind(name, running, RunningGraph.class.getName());
        } catch (RuntimeException ex) {
            running.stop();
            throw MagicErrors.of("BindError", "the graph " + name + " started but could not be bound to a "
                    + "variable of that name, so it was stopped: " + ex.getMessage());
        }
        showLive(graph, a.rows(), ctx);
        PlotLeaf.showAssembled(() -> graph.status().finished());
        training.until(() -> graph.status().finished());
    }

    /**
     * An assembly problem; when it names a part of the template, with the line that wrote that
     * part (for nested parts such as {@code train0.window0}, the line of {@code train0}).
     */
    private static Exception assemblyError(AssemblyException ex, Template t, TemplateCatalog.Entry entry) {
        String part = ex.part();
        if (part != null) {
            String top = part.contains(".") ? part.substring(0, part.indexOf('.')) : part;
            for (int i = 0; i < t.components().size(); i++) {
                if (t.components().get(i).part().equals(top) && entry.sourceMap().component(i).isKnown()) {
                    TemplateError e = entry.sourceMap().error(entry.sourceMap().component(i),
                            "in template " + t.name() + ", " + ex.getMessage());
                    return MagicErrors.ofTemplate(List.of(e),
                            entry.origin() == TemplateCatalog.Origin.SESSION ? 1 : 0);
                }
            }
        }
        return MagicErrors.of("AssemblyError", ex.getMessage());
    }

    private GraphRuntime local(AssembleArgs a, TrainingProgress training) {
        ExecutionHook hook = (part, work) -> {
            threads.seen();
            work.run();
        };
        RuntimeOptions options = RuntimeOptions.DEFAULT.withHook(training.wrap(hook));
        return a.mode() == AssembleArgs.Mode.SINGLE ? Runtimes.singleThread(options) : Runtimes.threads(options);
    }

    /**
     * Remote nodes through the broker ({@code --broker}, else {@code IOTJ_BROKER}, else local),
     * pinned round-robin to {@code --nodes} when given; the nodes must be listening.
     */
    private GraphRuntime distributed(AssembleArgs a, Template t, Map<String, Object> values) throws Exception {
        String plot = PlotLeaf.findPlot(t, catalog.library()::find);
        if (plot != null) {
            throw MagicErrors.of("UsageError", "the part " + plot + " is a plot, which draws in this notebook and "
                    + "cannot run on a remote node; keep plots in a template run with --mode threads");
        }
        Secret secret = NodeMagics.secret();
        String broker = NodeMagics.broker(a.broker());
        nodes.checkListening(broker, secret, a.nodes());
        return DistributedRuntime.of(broker, secret, t, values, templateSource(),
                names -> NodeSnippets.collect(kernel.session(), names)).on(a.nodes());
    }

    private void showLive(NotebookGraph graph, int rows, OutputContext ctx) {
        LiveStreamView view = new LiveStreamView(graph, rows);
        String id = kernel.display(bundle(view));
        displays.start(view::version, () -> graph.status().finished(),
                () -> OutputContext.runWith(ctx, () -> kernel.updateDisplay(id, bundle(view))));
    }

    private static MimeBundle bundle(LiveStreamView view) {
        return new MimeBundle().put(MimeBundle.HTML, view.html()).put(MimeBundle.TEXT, view.text());
    }

    private TemplateSource templateSource() {
        return new TemplateSource() {
            @Override
            public Optional<Template> find(String name) {
                return catalog.library().find(name);
            }

            @Override
            public List<String> names() {
                return List.copyOf(catalog.library().names());
            }
        };
    }

    /** {@code %streams}: the table of graphs, kept up to date while any of them runs. */
    Object streams() {
        StreamsView view = new StreamsView(graphs::all);
        String id = kernel.display(streamsBundle(view));
        OutputContext ctx = kernel.currentOutput();
        synchronized (this) {
            // Only the latest %streams output stays live: older ones keep their last state.
            if (streamsDisplay != null) {
                streamsDisplay.cancel();
            }
            streamsDisplay = displays.start(view::version, view::allFinished,
                    () -> OutputContext.runWith(ctx, () -> kernel.updateDisplay(id, streamsBundle(view))));
        }
        return null;
    }

    private static MimeBundle streamsBundle(StreamsView view) {
        return new MimeBundle().put(MimeBundle.HTML, view.html()).put(MimeBundle.TEXT, view.text());
    }

    /** {@code %stop NAME ...} or {@code %stop --all}. */
    Object stop(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw MagicErrors.of("UsageError", "%stop NAME stops one graph, %stop --all every graph; "
                    + "running now: " + names(graphs.unfinished()));
        }
        if (args.equals(List.of("--all"))) {
            List<SessionGraph> running = graphs.unfinished();
            for (SessionGraph g : running) {
                g.stop();
            }
            System.out.println(running.isEmpty() ? "no graph was running"
                    : "stopped " + running.size() + " graph" + (running.size() == 1 ? "" : "s") + ": "
                    + names(running));
            return null;
        }
        for (String n : args) {
            SessionGraph g = graphs.get(n).orElseThrow(() -> {
                List<String> near = Names.nearMatches(n, graphs.names(), 3);
                return MagicErrors.of("UnknownGraph", "no graph is called " + n
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                        + " (%streams lists them)");
            });
            boolean was = !g.status().finished();
            g.stop();
            System.out.println(was ? "stopped " + n : n + " had already " + g.status().word());
        }
        return null;
    }

    private static String names(List<SessionGraph> gs) {
        return gs.isEmpty() ? "none" : String.join(", ", gs.stream().map(SessionGraph::name).toList());
    }

    /** Stops every graph (kernel shutdown). */
    void stopAll() {
        for (SessionGraph g : graphs.unfinished()) {
            try {
                g.stop();
            } catch (Exception e) {
                System.err.println("iotj: stopping " + g.name() + ": " + e);
            }
        }
    }
}
