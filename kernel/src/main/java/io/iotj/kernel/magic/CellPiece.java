package io.iotj.kernel.magic;

import java.util.List;

/** A part of a cell: Java code, a line magic, or (first line only) a cell magic with its body. */
public sealed interface CellPiece {
    /** The 1-based line of the cell where this piece starts. */
    int line();

    /** Java code. */
    record Code(String code, int line) implements CellPiece {
    }

    /** {@code %name rest}. */
    record LineMagic(String name, String rest, int line) implements CellPiece {
        public List<String> args() {
            return MagicArgs.split(rest);
        }
    }

    /** {@code %%name rest} on the first line, then the body. */
    record CellMagic(String name, String rest, String body, int line) implements CellPiece {
        public List<String> args() {
            return MagicArgs.split(rest);
        }
    }
}
