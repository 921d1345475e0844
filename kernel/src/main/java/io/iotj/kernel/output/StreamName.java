package io.iotj.kernel.output;

/** The two text streams a notebook shows. */
public enum StreamName {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String wireName;

    StreamName(String wireName) {
        this.wireName = wireName;
    }

    /** The name Jupyter uses in stream messages. */
    public String wireName() {
        return wireName;
    }
}
