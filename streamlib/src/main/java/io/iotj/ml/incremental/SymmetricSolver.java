package io.iotj.ml.incremental;

/**
 * Solves {@code A x = b} for a symmetric positive semi-definite {@code A} (a covariance matrix).
 *
 * <p>The matrix is first scaled to unit diagonal, so the pivot test below is independent of the
 * units of each feature. Cholesky handles the well-conditioned case in d³/6 steps. When a pivot is
 * tiny (collinear features, fewer rows than features) it falls back to the eigen-decomposition and
 * returns the minimum-norm least-squares solution over the well-determined directions: the same
 * predictions on the window's span, and finite coefficients rather than huge or NaN ones.
 */
final class SymmetricSolver {

    /** Relative size below which a scaled pivot or eigenvalue counts as zero. */
    static final double RANK_TOLERANCE = 1e-10;

    private final int d;
    private final double[][] s;      // scaled matrix, overwritten by the Cholesky factor
    private final double[] scale;    // 1 / sqrt(diag), 0 for a constant feature
    private final double[] work;

    SymmetricSolver(int d) {
        this.d = d;
        this.s = new double[d][d];
        this.scale = new double[d];
        this.work = new double[d];
    }

    /**
     * Solves {@code a x = b} into {@code x}; only the upper triangle of {@code a} is read.
     *
     * @return the rank used: {@code d} when Cholesky succeeded, fewer for a degenerate system
     */
    int solve(double[][] a, double[] b, double[] x) {
        double maxDiag = 0;
        for (int i = 0; i < d; i++) {
            maxDiag = Math.max(maxDiag, a[i][i]);
        }
        // A feature whose spread is rounding noise relative to the others carries no information.
        double zero = maxDiag * 1e-28;
        for (int i = 0; i < d; i++) {
            scale[i] = a[i][i] > zero && a[i][i] > 0 ? 1 / Math.sqrt(a[i][i]) : 0;
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = a[i][j] * scale[i] * scale[j];
                s[i][j] = v;
                s[j][i] = v;
            }
            work[i] = b[i] * scale[i];
        }
        boolean constantFeature = false;
        for (int i = 0; i < d; i++) {
            constantFeature |= scale[i] == 0;
        }
        if (!constantFeature && cholesky()) {
            forwardBack(x);
            for (int i = 0; i < d; i++) {
                x[i] *= scale[i];
            }
            return d;
        }
        for (int i = 0; i < d; i++) { // the factorisation overwrote s
            for (int j = i; j < d; j++) {
                double v = a[i][j] * scale[i] * scale[j];
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        int rank = pseudoSolve(x);
        for (int i = 0; i < d; i++) {
            x[i] *= scale[i];
        }
        return rank;
    }

    /** In-place lower Cholesky factor of s; false if a pivot is too small. */
    private boolean cholesky() {
        for (int j = 0; j < d; j++) {
            double[] rj = s[j];
            double sum = rj[j];
            for (int k = 0; k < j; k++) {
                sum -= rj[k] * rj[k];
            }
            if (!(sum > RANK_TOLERANCE)) {
                return false;
            }
            double l = Math.sqrt(sum);
            rj[j] = l;
            for (int i = j + 1; i < d; i++) {
                double[] ri = s[i];
                double v = ri[j];
                for (int k = 0; k < j; k++) {
                    v -= ri[k] * rj[k];
                }
                ri[j] = v / l;
            }
        }
        return true;
    }

    private void forwardBack(double[] x) {
        for (int i = 0; i < d; i++) {
            double v = work[i];
            double[] ri = s[i];
            for (int k = 0; k < i; k++) {
                v -= ri[k] * x[k];
            }
            x[i] = v / ri[i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double v = x[i];
            for (int k = i + 1; k < d; k++) {
                v -= s[k][i] * x[k];
            }
            x[i] = v / s[i][i];
        }
    }

    /** Minimum-norm solution of s x = work by cyclic Jacobi eigen-decomposition; returns the rank. */
    private int pseudoSolve(double[] x) {
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double q = s[i][j] * s[i][j];
                    total += q;
                    if (i != j) {
                        off += q;
                    }
                }
            }
            if (off <= 1e-30 * total || total == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = s[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (s[q][q] - s[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double sn = t * c;
                    for (int k = 0; k < d; k++) { // columns p, q
                        double akp = s[k][p];
                        double akq = s[k][q];
                        s[k][p] = c * akp - sn * akq;
                        s[k][q] = sn * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) { // rows p, q
                        double apk = s[p][k];
                        double aqk = s[q][k];
                        s[p][k] = c * apk - sn * aqk;
                        s[q][k] = sn * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - sn * vkq;
                        v[k][q] = sn * vkp + c * vkq;
                    }
                }
            }
        }
        double largest = 0;
        for (int i = 0; i < d; i++) {
            largest = Math.max(largest, s[i][i]);
        }
        java.util.Arrays.fill(x, 0);
        int rank = 0;
        for (int e = 0; e < d; e++) {
            double lambda = s[e][e];
            if (!(lambda > RANK_TOLERANCE * Math.max(largest, 1e-300))) {
                continue;
            }
            rank++;
            double proj = 0;
            for (int k = 0; k < d; k++) {
                proj += v[k][e] * work[k];
            }
            double coef = proj / lambda;
            for (int k = 0; k < d; k++) {
                x[k] += coef * v[k][e];
            }
        }
        return rank;
    }
}
