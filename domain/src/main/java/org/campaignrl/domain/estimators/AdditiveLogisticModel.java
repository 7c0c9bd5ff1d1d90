package org.campaignrl.domain.estimators;

import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.numerics.LinearSolver;

/**
 * Binomial logistic regression of response on the main effects of the seven attributes:
 * logit p = intercept + Σ effect[attribute][code], with code 0 of every attribute the reference
 * level (effect 0), so an intercept and (size − 1) columns per attribute: 26 parameters for 3
 * subject lines and 6 domains. It cannot see interactions (a segment that does well only in
 * combination); in exchange it predicts every cell, empty ones too, from the sends of all cells.
 *
 * <p>Fitted on the aggregated cells (each non-empty cell is r successes in n trials) by
 * Newton–Raphson, i.e. IRLS, with step halving whenever a step would lower the objective, until
 * no coefficient moves by more than 1e-9. A ridge penalty λ/2·Σβ² on every coefficient except
 * the intercept (default {@link #DEFAULT_RIDGE}, tiny next to a likelihood over thousands of
 * sends) keeps the fit finite when a level never responded or was never sent to (its effect
 * stays at 0 then).
 */
public final class AdditiveLogisticModel implements ConversionEstimator {
    /** The default ridge penalty λ. */
    public static final double DEFAULT_RIDGE = 1.0;

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-9;

    private final double ridge;

    /** With the default ridge penalty. */
    public AdditiveLogisticModel() {
        this(DEFAULT_RIDGE);
    }

    /** @param ridge λ ≥ 0; 0 is the plain maximum-likelihood fit (which may not exist for sparse data) */
    public AdditiveLogisticModel(double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0: " + ridge);
        }
        this.ridge = ridge;
    }

    public double ridge() {
        return ridge;
    }

    /** The fitted predictions of every state. */
    @Override
    public double[] estimate(Cells cells) {
        return fit(cells).predictAll();
    }

    /** Fits the model to the cells. */
    public Fit fit(Cells cells) {
        StateSpace space = cells.space();
        int[] offsets = new int[Attribute.COUNT];
        int parameters = 1;
        for (int p = 0; p < Attribute.COUNT; p++) {
            offsets[p] = parameters - 1; // column of code c (c >= 1) is offsets[p] + c
            parameters += space.size(Attribute.atPosition(p)) - 1;
        }
        int states = space.size();
        int nonEmpty = cells.nonEmptyCount();
        double[] n = new double[nonEmpty];
        double[] r = new double[nonEmpty];
        int[] columns = new int[nonEmpty * Attribute.COUNT];
        int k = 0;
        long totalSends = 0;
        long totalResponses = 0;
        for (int s = 0; s < states; s++) {
            long sends = cells.sends(s);
            if (sends == 0) {
                continue;
            }
            n[k] = sends;
            r[k] = cells.responses(s);
            totalSends += sends;
            totalResponses += cells.responses(s);
            int[] codes = space.codesOf(s);
            for (int p = 0; p < Attribute.COUNT; p++) {
                columns[k * Attribute.COUNT + p] = codes[p] == 0 ? -1 : offsets[p] + codes[p];
            }
            k++;
        }
        double[] beta = new double[parameters];
        if (totalResponses == 0 || totalResponses == totalSends) {
            // No variation to fit: every prediction is the pooled rate (0 when nothing was sent).
            beta[0] = totalResponses == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return new Fit(space, offsets, beta, 0, true);
        }
        double pooled = (double) totalResponses / totalSends;
        beta[0] = Math.log(pooled / (1 - pooled));

        double objective = objective(beta, n, r, columns);
        boolean converged = false;
        int iteration = 0;
        double[] gradient = new double[parameters];
        double[][] hessian = new double[parameters][parameters];
        int[] row = new int[Attribute.COUNT + 1];
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            java.util.Arrays.fill(gradient, 0);
            for (double[] line : hessian) {
                java.util.Arrays.fill(line, 0);
            }
            for (int i = 0; i < nonEmpty; i++) {
                int used = rowColumns(columns, i, row);
                double eta = linear(beta, row, used);
                double mu = logistic(eta);
                double residual = r[i] - n[i] * mu;
                double weight = n[i] * mu * (1 - mu);
                for (int a = 0; a < used; a++) {
                    gradient[row[a]] += residual;
                    double[] line = hessian[row[a]];
                    for (int b = 0; b < used; b++) {
                        line[row[b]] += weight;
                    }
                }
            }
            for (int j = 1; j < parameters; j++) {
                gradient[j] -= ridge * beta[j];
                hessian[j][j] += ridge;
            }
            double[] step;
            try {
                step = LinearSolver.solveSymmetric(hessian, gradient);
            } catch (ArithmeticException singular) {
                break; // a level with no data and no ridge: keep the last coefficients
            }
            double scale = 1;
            double[] candidate = new double[parameters];
            double candidateObjective = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++) {
                for (int j = 0; j < parameters; j++) {
                    candidate[j] = beta[j] + scale * step[j];
                }
                candidateObjective = objective(candidate, n, r, columns);
                if (candidateObjective >= objective - 1e-12 * Math.abs(objective)) {
                    break;
                }
                scale /= 2;
            }
            double largestMove = 0;
            for (int j = 0; j < parameters; j++) {
                largestMove = Math.max(largestMove, Math.abs(candidate[j] - beta[j]));
            }
            beta = candidate;
            objective = candidateObjective;
            converged = largestMove < TOLERANCE;
        }
        return new Fit(space, offsets, beta, iteration, converged);
    }

    private double objective(double[] beta, double[] n, double[] r, int[] columns) {
        int[] row = new int[Attribute.COUNT + 1];
        double sum = 0;
        for (int i = 0; i < n.length; i++) {
            int used = rowColumns(columns, i, row);
            double eta = linear(beta, row, used);
            // r·η − n·log(1 + e^η), computed without overflow
            double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            sum += r[i] * eta - n[i] * softplus;
        }
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return sum - ridge / 2 * penalty;
    }

    /** The intercept's column (0) and the non-reference columns of design row i. */
    private static int rowColumns(int[] columns, int i, int[] row) {
        int used = 0;
        row[used++] = 0;
        for (int p = 0; p < Attribute.COUNT; p++) {
            int column = columns[i * Attribute.COUNT + p];
            if (column >= 0) {
                row[used++] = column;
            }
        }
        return used;
    }

    private static double linear(double[] beta, int[] row, int used) {
        double eta = 0;
        for (int a = 0; a < used; a++) {
            eta += beta[row[a]];
        }
        return eta;
    }

    static double logistic(double eta) {
        if (eta >= 0) {
            return 1 / (1 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1 + e);
    }

    /** A fitted model: coefficients on the logit scale, and predictions for any state. */
    public static final class Fit {
        private final StateSpace space;
        private final int[] offsets;
        private final double[] coefficients;
        private final int iterations;
        private final boolean converged;

        private Fit(StateSpace space, int[] offsets, double[] coefficients, int iterations, boolean converged) {
            this.space = space;
            this.offsets = offsets;
            this.coefficients = coefficients;
            this.iterations = iterations;
            this.converged = converged;
        }

        /** The logit of the reference cell (code 0 everywhere); ±∞ when no cell ever responded, or all did. */
        public double intercept() {
            return coefficients[0];
        }

        /** The effect of an attribute's code on the logit scale, relative to code 0 (whose effect is 0). */
        public double effect(Attribute attribute, int code) {
            int size = space.size(attribute);
            if (code < 0 || code >= size) {
                throw new IllegalArgumentException(attribute + " code " + code + " is out of range 0.." + (size - 1));
            }
            return code == 0 ? 0 : coefficients[offsets[attribute.position()] + code];
        }

        /** All coefficients: the intercept, then each attribute's codes 1.. in vector order. */
        public double[] coefficients() {
            return coefficients.clone();
        }

        public int parameterCount() {
            return coefficients.length;
        }

        /** Newton steps taken. */
        public int iterations() {
            return iterations;
        }

        /** Whether the last step moved no coefficient by more than 1e-9. */
        public boolean converged() {
            return converged;
        }

        /** The linear predictor of a state. */
        public double logit(int state) {
            double eta = coefficients[0];
            for (int p = 0; p < Attribute.COUNT; p++) {
                int code = space.code(state, Attribute.atPosition(p));
                if (code > 0) {
                    eta += coefficients[offsets[p] + code];
                }
            }
            return eta;
        }

        /** The predicted conversion probability of a state. */
        public double predict(int state) {
            return logistic(logit(state));
        }

        /** The predicted conversion probability of every state. */
        public double[] predictAll() {
            double[] predictions = new double[space.size()];
            for (int s = 0; s < predictions.length; s++) {
                predictions[s] = predict(s);
            }
            return predictions;
        }
    }
}
