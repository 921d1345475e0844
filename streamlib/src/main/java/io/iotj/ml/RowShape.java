package io.iotj.ml;

/**
 * Checks that all rows of a stream have the same width and enough columns, with messages that name
 * the row.
 */
final class RowShape {

    private final int numFeatures;
    private final boolean needsTarget;
    private final int exactWidth;
    private int width = -1;
    private long rows;

    RowShape(int numFeatures, boolean needsTarget) {
        this(numFeatures, needsTarget, -1);
    }

    /** @param exactWidth the number of columns every row must have, or -1 for no fixed number */
    RowShape(int numFeatures, boolean needsTarget, int exactWidth) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("num_features must be at least 1, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.needsTarget = needsTarget;
        this.exactWidth = exactWidth;
    }

    /** Checks the next row; {@code finite} also rejects NaN and infinite values. */
    void check(double[] row, boolean finite) {
        long n = rows;
        if (row == null) {
            throw new MlException("row " + n + " is null");
        }
        int min = needsTarget ? numFeatures + 1 : numFeatures;
        if (row.length < min) {
            throw new MlException("row " + n + " has " + row.length + " columns; num_features = " + numFeatures
                    + (needsTarget ? " plus at least one target column needs " : " needs ") + min);
        }
        if (exactWidth >= 0 && row.length != exactWidth) {
            throw new MlException("row " + n + " has " + row.length + " columns; this model takes " + exactWidth
                    + " (num_features = " + numFeatures + ", then " + (exactWidth - numFeatures) + " target)");
        }
        if (width >= 0 && row.length != width) {
            throw new MlException("row " + n + " has " + row.length + " columns, earlier rows had " + width);
        }
        if (finite) {
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new MlException("row " + n + " column " + j + " is " + row[j]
                            + "; this model needs finite numbers");
                }
            }
        }
        width = row.length;
        rows++;
    }

    int numFeatures() {
        return numFeatures;
    }
}
