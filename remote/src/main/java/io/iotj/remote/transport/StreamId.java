package io.iotj.remote.transport;

import java.util.Objects;

/**
 * One producer's values for one parameter of a part: the unit that has its own sequence of positions.
 * IoTpy addressed a value as {@code [param, (index,) value]} on the part's queue; the producer is added
 * so that two producers feeding the same parameter (e.g. the inputs of {@code mix}) are numbered apart.
 *
 * @param param    the destination part's parameter
 * @param index    position within a list-valued parameter, or {@link #NO_INDEX}
 * @param producer who sends the values, unique within the graph (e.g. {@code map0.out})
 */
public record StreamId(String param, int index, String producer) {
    /** The index of a parameter that is not a list. */
    public static final int NO_INDEX = -1;

    public StreamId {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(producer, "producer");
        if (index < NO_INDEX) throw new IllegalArgumentException("index " + index);
    }

    @Override
    public String toString() {
        return producer + "->" + param + (index == NO_INDEX ? "" : "[" + index + "]");
    }
}
