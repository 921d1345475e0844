package io.iotj.magics.diagram;

import io.iotj.magics.diagram.DiagramGraph.Part;
import io.iotj.magics.diagram.DiagramGraph.Wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered left-to-right layout of a {@link DiagramGraph} (the Sugiyama scheme): parts go into
 * columns by the longest chain of wires that feeds them; a wire that skips columns passes through
 * each skipped column in a free lane of its own, so no wire crosses a box; columns are ordered by
 * the barycentre of their neighbours to keep wires from crossing; template inputs sit on the left
 * border and outputs on the right. Text is drawn in a monospace font, so box widths follow from
 * character counts.
 */
final class DiagramLayout {
    /** Width of one character of the 12 px monospace font, rounded up so text always fits. */
    static final double CHAR_WIDTH = 7.5;
    static final double LINE_HEIGHT = 16;
    static final double PAD = 10;
    static final double MARGIN = 16;
    static final double TITLE_HEIGHT = 34;
    static final double COLUMN_GAP = 96;
    static final double ROW_GAP = 26;
    static final double PORT_HEIGHT = 24;
    static final double LOOP_DEPTH = 44;
    /** Vertical room per wire end on a box side, so parameter labels do not collide. */
    static final double WIRE_PITCH = 16;
    /** Height of the lane a passing wire takes in a column. */
    static final double LANE = 12;

    /** A positioned rectangle. */
    record Box(double x, double y, double w, double h) {
        double cy() {
            return y + h / 2;
        }

        double right() {
            return x + w;
        }
    }

    /** A point of a wire's route. */
    record Point(double x, double y) { }

    final DiagramGraph graph;
    final Map<String, Box> parts = new LinkedHashMap<>();
    final Map<String, Box> inputs = new LinkedHashMap<>();
    final Map<String, Box> outputs = new LinkedHashMap<>();
    /** Wires whose target is not to the right of their source: drawn as loops below. */
    final Set<Wire> backWires = new HashSet<>();
    /**
     * Each forward wire's route: start, then entry and exit of every column it passes, then end.
     * Odd segments (0-based: first, third...) are curves between columns, even ones straight runs
     * through a column.
     */
    final Map<Wire, List<Point>> routes = new LinkedHashMap<>();
    double width;
    double height;
    /** The y below all boxes, where loops of back wires run. */
    double loopY;

    // Node ids: "part:NAME", "in:NAME", "out:NAME", "lane:N".
    private final Map<String, Integer> layerOf = new HashMap<>();
    private final Map<Wire, List<String>> chains = new LinkedHashMap<>();
    private final Map<String, Box> nodeBox = new HashMap<>();

    private DiagramLayout(DiagramGraph graph) {
        this.graph = graph;
    }

    /** Lays out {@code graph}. */
    static DiagramLayout of(DiagramGraph graph) {
        DiagramLayout l = new DiagramLayout(graph);
        List<List<String>> layers = l.assignLayers();
        l.orderLayers(layers);
        l.place(layers);
        l.route();
        return l;
    }

    /** The text lines of a part's box: name, template, then its constants. */
    static List<String> lines(Part p) {
        List<String> lines = new ArrayList<>();
        lines.add(p.name());
        lines.add(p.template());
        lines.addAll(p.constants());
        return lines;
    }

    static double textWidth(String s) {
        return s.codePointCount(0, s.length()) * CHAR_WIDTH;
    }

    private static String from(Wire w) {
        return w.fromPart() == null ? "in:" + w.fromParam() : "part:" + w.fromPart();
    }

    private static String to(Wire w) {
        return w.toPart() == null ? "out:" + w.toParam() : "part:" + w.toPart();
    }

    private List<List<String>> assignLayers() {
        List<String> names = graph.parts().stream().map(Part::name).toList();
        Map<String, List<Wire>> out = new HashMap<>();
        for (String n : names) {
            out.put(n, new ArrayList<>());
        }
        for (Wire w : graph.wires()) {
            if (w.fromPart() != null && w.toPart() != null) {
                out.get(w.fromPart()).add(w);
            }
        }
        // Depth-first search in declaration order; a wire into a part still on the stack closes a
        // cycle (IoTpy allows feedback) and is left out of the layering.
        List<String> postOrder = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onStack = new HashSet<>();
        for (String n : names) {
            visit(n, out, done, onStack, postOrder);
        }
        Map<String, Integer> layer = new HashMap<>();
        for (String n : names) {
            layer.put(n, 0);
        }
        for (int i = postOrder.size() - 1; i >= 0; i--) {
            String n = postOrder.get(i);
            for (Wire w : out.get(n)) {
                if (!backWires.contains(w)) {
                    layer.merge(w.toPart(), layer.get(n) + 1, Math::max);
                }
            }
        }
        int max = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            layers.add(new ArrayList<>());
        }
        for (String n : names) {
            layers.get(layer.get(n)).add("part:" + n);
            layerOf.put("part:" + n, layer.get(n));
        }
        graph.inputs().forEach(n -> layerOf.put("in:" + n, -1));
        graph.outputs().forEach(n -> layerOf.put("out:" + n, max + 1));
        // A wire that skips columns gets a lane node in each column it passes.
        int lanes = 0;
        for (Wire w : graph.wires()) {
            if (backWires.contains(w)) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            chain.add(from(w));
            for (int l = layerOf.get(from(w)) + 1; l < layerOf.get(to(w)); l++) {
                String lane = "lane:" + lanes++;
                layers.get(l).add(lane);
                layerOf.put(lane, l);
                chain.add(lane);
            }
            chain.add(to(w));
            chains.put(w, chain);
        }
        return layers;
    }

    private void visit(String n, Map<String, List<Wire>> out, Set<String> done, Set<String> onStack,
                       List<String> postOrder) {
        if (done.contains(n)) {
            return;
        }
        // Iterative to stay safe on long chains.
        record Frame(String node, int next) { }
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(n, 0));
        onStack.add(n);
        while (!stack.isEmpty()) {
            Frame f = stack.removeLast();
            List<Wire> ws = out.get(f.node());
            if (f.next() < ws.size()) {
                stack.add(new Frame(f.node(), f.next() + 1));
                Wire w = ws.get(f.next());
                String m = w.toPart();
                if (onStack.contains(m)) {
                    backWires.add(w);
                } else if (!done.contains(m)) {
                    onStack.add(m);
                    stack.add(new Frame(m, 0));
                }
            } else {
                onStack.remove(f.node());
                done.add(f.node());
                postOrder.add(f.node());
            }
        }
    }

    /** Barycentre ordering: a few sweeps down and up, each sorting a column by its neighbours. */
    private void orderLayers(List<List<String>> layers) {
        Map<String, Double> rank = new HashMap<>();
        rankInto(graph.inputs().stream().map(n -> "in:" + n).toList(), rank);
        rankInto(graph.outputs().stream().map(n -> "out:" + n).toList(), rank);
        // Declaration order is the starting order.
        layers.forEach(layer -> rankInto(layer, rank));
        Map<String, List<String>> preds = new HashMap<>();
        Map<String, List<String>> succs = new HashMap<>();
        for (List<String> chain : chains.values()) {
            for (int i = 0; i + 1 < chain.size(); i++) {
                succs.computeIfAbsent(chain.get(i), k -> new ArrayList<>()).add(chain.get(i + 1));
                preds.computeIfAbsent(chain.get(i + 1), k -> new ArrayList<>()).add(chain.get(i));
            }
        }
        for (int sweep = 0; sweep < 6; sweep++) {
            for (List<String> layer : layers) {
                sortBy(layer, rank, preds);
            }
            for (int i = layers.size() - 1; i >= 0; i--) {
                sortBy(layers.get(i), rank, succs);
            }
        }
    }

    private static void rankInto(List<String> layer, Map<String, Double> rank) {
        for (int i = 0; i < layer.size(); i++) {
            rank.put(layer.get(i), (i + 0.5) / layer.size());
        }
    }

    private static void sortBy(List<String> layer, Map<String, Double> rank,
                               Map<String, List<String>> neighbours) {
        Map<String, Double> key = new HashMap<>();
        for (String n : layer) {
            List<String> ns = neighbours.getOrDefault(n, List.of());
            key.put(n, ns.isEmpty() ? rank.get(n)
                    : ns.stream().mapToDouble(rank::get).average().orElseThrow());
        }
        layer.sort(Comparator.comparingDouble(key::get));
        rankInto(layer, rank);
    }

    private void place(List<List<String>> layers) {
        Map<String, Part> byName = new HashMap<>();
        for (Part p : graph.parts()) {
            byName.put("part:" + p.name(), p);
        }
        double inPortW = portWidth(graph.inputs());
        double outPortW = portWidth(graph.outputs());
        double top = MARGIN + TITLE_HEIGHT;

        Map<String, double[]> sizes = new HashMap<>();
        double contentH = Math.max(graph.inputs().size(), graph.outputs().size())
                * (PORT_HEIGHT + ROW_GAP);
        List<Double> layerW = new ArrayList<>();
        List<Double> layerH = new ArrayList<>();
        for (List<String> layer : layers) {
            double w = 0;
            double h = 0;
            for (String n : layer) {
                double bw = 0;
                double bh = LANE;
                if (n.startsWith("part:")) {
                    List<String> lines = lines(byName.get(n));
                    bw = Math.max(80, lines.stream().mapToDouble(DiagramLayout::textWidth)
                            .max().orElse(0) + 2 * PAD);
                    bh = Math.max(lines.size() * LINE_HEIGHT + PAD, (maxSide(n) + 1) * WIRE_PITCH);
                }
                sizes.put(n, new double[] {bw, bh});
                w = Math.max(w, bw);
                h += bh;
            }
            h += ROW_GAP * Math.max(0, layer.size() - 1);
            layerW.add(w);
            layerH.add(h);
            contentH = Math.max(contentH, h);
        }

        double x = MARGIN + inPortW + COLUMN_GAP;
        for (int i = 0; i < layers.size(); i++) {
            double y = top + (contentH - layerH.get(i)) / 2;
            for (String n : layers.get(i)) {
                double[] s = sizes.get(n);
                Box b = n.startsWith("lane:")
                        ? new Box(x, y, layerW.get(i), s[1])
                        : new Box(x + (layerW.get(i) - s[0]) / 2, y, s[0], s[1]);
                nodeBox.put(n, b);
                if (n.startsWith("part:")) {
                    parts.put(n.substring(5), b);
                }
                y += s[1] + ROW_GAP;
            }
            x += layerW.get(i) + COLUMN_GAP;
        }
        placePorts(graph.inputs(), "in:", inputs, MARGIN, inPortW, top, contentH);
        placePorts(graph.outputs(), "out:", outputs, x, outPortW, top, contentH);
        width = x + outPortW + MARGIN;
        loopY = top + contentH + LOOP_DEPTH / 2;
        height = top + contentH + MARGIN + (backWires.isEmpty() ? 0 : LOOP_DEPTH);
    }

    /** The larger count of wire ends on one side of node {@code n}. */
    private int maxSide(String n) {
        int in = 0;
        int out = 0;
        for (List<String> chain : chains.values()) {
            if (chain.getLast().equals(n)) {
                in++;
            }
            if (chain.get(0).equals(n)) {
                out++;
            }
        }
        for (Wire w : backWires) {
            if (to(w).equals(n)) {
                in++;
            }
            if (from(w).equals(n)) {
                out++;
            }
        }
        return Math.max(in, out);
    }

    private static double portWidth(List<String> names) {
        return names.stream().mapToDouble(DiagramLayout::textWidth).max().orElse(0) + 2 * PAD;
    }

    private void placePorts(List<String> names, String prefix, Map<String, Box> into, double x,
                            double w, double top, double contentH) {
        for (int i = 0; i < names.size(); i++) {
            double cy = top + contentH * (i + 0.5) / names.size();
            Box b = new Box(x, cy - PORT_HEIGHT / 2, w, PORT_HEIGHT);
            into.put(names.get(i), b);
            nodeBox.put(prefix + names.get(i), b);
        }
    }

    /**
     * Spreads the wire ends along each box side, sorted by the height of the other end so they do
     * not cross at the box, and builds each wire's route through its lanes.
     */
    private void route() {
        Map<String, List<Wire>> leaving = new HashMap<>();
        Map<String, List<Wire>> entering = new HashMap<>();
        Map<Wire, Double> nextY = new HashMap<>();
        Map<Wire, Double> prevY = new HashMap<>();
        for (Wire w : graph.wires()) {
            List<String> chain = chains.get(w);
            if (chain == null) {
                nextY.put(w, nodeBox.get(to(w)).y() + nodeBox.get(to(w)).h());
                prevY.put(w, nodeBox.get(from(w)).y() + nodeBox.get(from(w)).h());
            } else {
                nextY.put(w, nodeBox.get(chain.get(1)).cy());
                prevY.put(w, nodeBox.get(chain.get(chain.size() - 2)).cy());
            }
            leaving.computeIfAbsent(from(w), k -> new ArrayList<>()).add(w);
            entering.computeIfAbsent(to(w), k -> new ArrayList<>()).add(w);
        }
        leaving.values().forEach(ws -> ws.sort(Comparator.comparingDouble(nextY::get)));
        entering.values().forEach(ws -> ws.sort(Comparator.comparingDouble(prevY::get)));
        for (Wire w : graph.wires()) {
            Box a = nodeBox.get(from(w));
            Box b = nodeBox.get(to(w));
            List<Wire> out = leaving.get(from(w));
            List<Wire> in = entering.get(to(w));
            List<Point> pts = new ArrayList<>();
            pts.add(new Point(a.right(), spread(a, out.indexOf(w), out.size())));
            List<String> chain = chains.getOrDefault(w, List.of());
            for (int i = 1; i + 1 < chain.size(); i++) {
                Box lane = nodeBox.get(chain.get(i));
                pts.add(new Point(lane.x(), lane.cy()));
                pts.add(new Point(lane.right(), lane.cy()));
            }
            pts.add(new Point(b.x(), spread(b, in.indexOf(w), in.size())));
            routes.put(w, pts);
        }
    }

    private static double spread(Box b, int i, int count) {
        return b.y() + b.h() * (i + 1) / (count + 1);
    }
}
