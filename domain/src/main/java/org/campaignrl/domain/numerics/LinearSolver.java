package org.campaignrl.domain.numerics;

/** Small dense linear systems, for Newton steps of a few dozen parameters. */
public final class LinearSolver {
    private LinearSolver() {}

    /**
     * Solves A·x = b for a symmetric positive definite A by Cholesky decomposition; falls back to
     * Gaussian elimination with partial pivoting when A is not numerically positive definite.
     * Neither argument is changed.
     *
     * @throws ArithmeticException when A is singular
     */
    public static double[] solveSymmetric(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j][k] * l[j][k];
            }
            if (!(diagonal > 1e-14 * Math.max(1, Math.abs(a[j][j])))) {
                return solve(a, b);
            }
            double root = Math.sqrt(diagonal);
            l[j][j] = root;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = sum / root;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /**
     * Solves A·x = b by Gaussian elimination with partial pivoting. Neither argument is changed.
     *
     * @throws ArithmeticException when A is singular
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[] x = b.clone();
        double scale = 0;
        for (double[] row : m) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 1e-13 * scale)) {
                throw new ArithmeticException("singular matrix at column " + col);
            }
            double[] rowSwap = m[col];
            m[col] = m[pivot];
            m[pivot] = rowSwap;
            double valueSwap = x[col];
            x[col] = x[pivot];
            x[pivot] = valueSwap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                if (factor != 0) {
                    for (int k = col; k < n; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                    x[row] -= factor * x[col];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            double sum = x[row];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
