package io.iotj.ml.smile;

/** What a Smile model learns, and so what its prediction means. */
public enum Kind {
    /** Learns a number; predicts it. */
    REGRESSION,
    /** Learns class labels (whole numbers in the target column); predicts a label. */
    CLASSIFICATION,
    /** Learns from the features alone; predicts a cluster index. */
    CLUSTERING,
    /** Learns from the features alone; predicts an anomaly score (higher is more unusual). */
    ANOMALY;

    /** Whether rows need a target column after the features. */
    public boolean supervised() {
        return this == REGRESSION || this == CLASSIFICATION;
    }
}
