package io.iotj.magics.live;

import java.util.List;

/** What a live view reads from one stream: its name, how many values passed, the latest ones. */
public interface StreamProbe {
    /** The stream's name as the template calls it. */
    String name();

    /** How many values the stream has carried since it was created. */
    long count();

    /** The last {@code n} values (fewer when fewer are kept), oldest first. */
    List<?> recent(int n);
}
