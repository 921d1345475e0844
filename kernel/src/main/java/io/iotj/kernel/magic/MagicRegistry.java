package io.iotj.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The basekernel's magics registry, plus what the notebook needs on top: the names of the
 * registered magics (for {@code %lsmagic} and completion after {@code %} / {@code %%}) and
 * line magics that take their line unsplit ({@link RawLineMagic}).
 *
 * <p>Register with the basekernel API ({@link #registerLineMagic}, {@link #registerCellMagic},
 * {@link #registerMagics(Object)} with {@code @LineMagic} / {@code @CellMagic} methods) or
 * with {@link #registerRawLineMagic}. A later registration under the same name replaces
 * the earlier one.
 */
public class MagicRegistry extends Magics {
    private final NavigableSet<String> lineNames = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> cellNames = new ConcurrentSkipListSet<>();
    private final Map<String, RawLineMagic> raw = new ConcurrentHashMap<>();

    @Override
    public void registerLineMagic(String name, LineMagicFunction<?> magic) {
        super.registerLineMagic(name, magic);
        raw.remove(name);
        lineNames.add(name);
    }

    @Override
    public void registerCellMagic(String name, CellMagicFunction<?> magic) {
        super.registerCellMagic(name, magic);
        cellNames.add(name);
    }

    @Override
    public <T extends LineMagicFunction<?> & CellMagicFunction<?>> void registerLineCellMagic(String name, T magic) {
        registerLineMagic(name, magic);
        registerCellMagic(name, magic);
    }

    /** Registers a line magic that receives the rest of its line as written. */
    public void registerRawLineMagic(String name, RawLineMagic magic) {
        // Registered in the basekernel map too, so applyLineMagic works for callers that only know it.
        super.registerLineMagic(name, (LineMagicFunction<Object>) args -> magic.execute(String.join(" ", args)));
        raw.put(name, magic);
        lineNames.add(name);
    }

    /**
     * Applies a line magic to the rest of its line: raw magics get it as written, the others
     * split into words ({@link MagicArgs#split}). Raw magics parse their line themselves, so
     * the kernel's word rules (quotes must close) never reject a line they accept.
     */
    public Object applyLine(String name, String rest) throws Exception {
        RawLineMagic r = raw.get(name);
        return r != null ? r.execute(rest) : applyLineMagic(name, MagicArgs.split(rest));
    }

    /** Applies a line magic, passing raw magics the rest of the line unsplit. */
    public Object applyLine(String name, String rest, List<String> args) throws Exception {
        RawLineMagic r = raw.get(name);
        return r != null ? r.execute(rest) : applyLineMagic(name, args);
    }

    /** Names of the line magics, sorted. */
    public Set<String> lineMagicNames() {
        return java.util.Collections.unmodifiableSet(lineNames);
    }

    /** Names of the cell magics, sorted. */
    public Set<String> cellMagicNames() {
        return java.util.Collections.unmodifiableSet(cellNames);
    }

    public boolean hasLineMagic(String name) {
        return lineNames.contains(name);
    }

    public boolean hasCellMagic(String name) {
        return cellNames.contains(name);
    }
}
