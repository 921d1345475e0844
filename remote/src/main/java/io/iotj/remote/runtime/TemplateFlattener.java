package io.iotj.remote.runtime;

import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.TemplateSource;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a template whose parts are themselves composite into an equivalent one whose parts are all
 * leaves, named {@code outer.inner} (as the assembler names them), so that each leaf can go to a
 * node. A composite part's own parameters are ports: every wire into a port is joined to every wire
 * out of it inside.
 */
public final class TemplateFlattener {
    private static final int MAX_DEPTH = 64;

    private TemplateFlattener() {}

    /** The flat equivalent of {@code t} ({@code t} itself when its parts are all leaves). */
    public static Template flatten(Template t, TemplateSource templates) {
        return flatten(t, templates, 0);
    }

    private static Template flatten(Template t, TemplateSource templates, int depth) {
        if (depth > MAX_DEPTH) throw new AssemblyException(t.name(), null, "templates nest more than " + MAX_DEPTH + " deep");
        if (!t.isComposite()) return t;
        List<Component> comps = new ArrayList<>();
        List<External> exts = new ArrayList<>(t.externals());
        List<Internal> ints = new ArrayList<>(t.internals());
        boolean changed = false;
        for (Component c : t.components()) {
            Template ct = find(c, templates);
            if (!ct.isComposite()) {
                comps.add(c);
                continue;
            }
            changed = true;
            Template inner = flatten(ct, templates, depth + 1);
            String pre = c.part() + ".";
            for (Component ic : inner.components()) comps.add(new Component(pre + ic.part(), ic.template()));
            for (Internal ii : inner.internals())
                ints.add(new Internal(pre + ii.srcPart(), ii.srcParam(), ii.srcIndex(), pre + ii.dstPart(), ii.dstParam(), ii.dstIndex()));
            Set<String> ports = new HashSet<>();
            inner.inputs().forEach(p -> ports.add(p.name()));
            inner.outputs().forEach(p -> ports.add(p.name()));
            for (External ie : inner.externals()) {
                String part = pre + ie.part();
                if (!ports.contains(ie.ext())) { // a constant or None inside stays as it is
                    exts.add(new External(ie.ext(), part, ie.param(), ie.index()));
                    continue;
                }
                String port = ie.ext();
                // what the outer template wires to this port
                for (External oe : List.copyOf(exts)) {
                    if (!oe.part().equals(c.part()) || !oe.param().equals(port)) continue;
                    noIndex(oe.index(), c.part(), port);
                    exts.add(new External(oe.ext(), part, ie.param(), ie.index()));
                }
                for (Internal oi : List.copyOf(ints)) {
                    if (oi.dstPart().equals(c.part()) && oi.dstParam().equals(port)) {
                        noIndex(oi.dstIndex(), c.part(), port);
                        ints.add(new Internal(oi.srcPart(), oi.srcParam(), oi.srcIndex(), part, ie.param(), ie.index()));
                    }
                    if (oi.srcPart().equals(c.part()) && oi.srcParam().equals(port)) {
                        noIndex(oi.srcIndex(), c.part(), port);
                        ints.add(new Internal(part, ie.param(), ie.index(), oi.dstPart(), oi.dstParam(), oi.dstIndex()));
                    }
                }
            }
            // the wires that named the composite part are now joined to its inside
            exts.removeIf(e -> e.part().equals(c.part()));
            ints.removeIf(i -> i.srcPart().equals(c.part()) || i.dstPart().equals(c.part()));
        }
        if (!changed) return t;
        return new Template(t.name(), Template.ASSEMBLE, t.inputs(), t.outputs(), t.optional(), comps, exts, ints);
    }

    private static void noIndex(Integer index, String part, String port) {
        if (index != null)
            throw new AssemblyException(part, port, "a composite part's parameter wired by index cannot be distributed yet");
    }

    private static Template find(Component c, TemplateSource templates) {
        Optional<Template> t = templates.find(c.template());
        if (t.isEmpty()) t = TemplateLibrary.standard().find(c.template());
        return t.orElseThrow(() -> new AssemblyException(c.part(), null, "unknown template \"" + c.template() + "\""));
    }
}
