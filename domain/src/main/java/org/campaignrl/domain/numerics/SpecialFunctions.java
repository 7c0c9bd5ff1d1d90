package org.campaignrl.domain.numerics;

/**
 * The few special functions the interval and ranking maths need, written out so the domain
 * depends on nothing but {@code java.*}.
 *
 * <ul>
 *   <li>{@link #normalQuantile}: P. J. Acklam's rational approximation (relative error below
 *       1.15e-9), polished by one Halley step against {@link #normalCdf}, which makes it accurate
 *       to about 1e-15 in the central range;</li>
 *   <li>{@link #normalCdf}: through the regularized incomplete gamma function,
 *       Φ(z) = ½·Q(½, z²/2) for z &lt; 0, so both tails keep their relative precision;</li>
 *   <li>{@link #logGamma}: Lanczos (g = 7, nine coefficients), about 1e-15 relative;</li>
 *   <li>{@link #regularizedBeta}: the continued fraction of Numerical Recipes (modified Lentz);</li>
 *   <li>{@link #betaQuantile}: the starting guess of Numerical Recipes' {@code invbetai}, then
 *       Halley steps kept inside a shrinking bracket (bisection when a step leaves it).</li>
 * </ul>
 */
public final class SpecialFunctions {
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

    // Acklam's coefficients.
    private static final double[] A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    private static final double P_LOW = 0.02425;

    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;

    private SpecialFunctions() {}

    /** The standard normal quantile Φ⁻¹(p); −∞ at 0, +∞ at 1. */
    public static double normalQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must be within 0..1: " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        } else if (p <= 1 - P_LOW) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
                    * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        // One Halley step, with the error Φ(x) − p taken on the side of the tail that keeps precision.
        double e = x < 0 ? normalCdf(x) - p : (1 - p) - normalUpperTail(x);
        double u = e * SQRT_TWO_PI * Math.exp(x * x / 2);
        if (Double.isFinite(u)) {
            x = x - u / (1 + x * u / 2);
        }
        return x;
    }

    /** The standard normal distribution function Φ(x). */
    public static double normalCdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 0.5 * regularizedGammaQ(0.5, x * x / 2);
        }
        return 1 - 0.5 * regularizedGammaQ(0.5, x * x / 2);
    }

    /** 1 − Φ(x), precise in the upper tail. */
    public static double normalUpperTail(double x) {
        return normalCdf(-x);
    }

    /** ln Γ(x) for x &gt; 0. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0: " + x);
        }
        if (x < 0.5) {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** The regularized lower incomplete gamma function P(a, x). */
    public static double regularizedGammaP(double a, double x) {
        checkGammaArguments(a, x);
        if (x == 0) {
            return 0;
        }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
    }

    /** The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x). */
    public static double regularizedGammaQ(double a, double x) {
        checkGammaArguments(a, x);
        if (x == 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
    }

    private static void checkGammaArguments(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and x >= 0: a=" + a + ", x=" + x);
        }
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int n = 0; n < MAX_ITERATIONS; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** The regularized incomplete beta function I_x(a, b), the Beta(a, b) distribution function at x. */
    public static double regularizedBeta(double x, double a, double b) {
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("the beta function needs a > 0 and b > 0: a=" + a + ", b=" + b);
        }
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("x must be within 0..1: " + x);
        }
        if (x == 0 || x == 1) {
            return x;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return h;
    }

    /** The p-quantile of Beta(a, b): the x with I_x(a, b) = p. */
    public static double betaQuantile(double p, double a, double b) {
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("the beta distribution needs a > 0 and b > 0: a=" + a + ", b=" + b);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must be within 0..1: " + p);
        }
        if (p == 0 || p == 1) {
            return p;
        }
        double x = betaQuantileGuess(p, a, b);
        double logNorm = logGamma(a + b) - logGamma(a) - logGamma(b);
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            if (!(x > lo && x < hi)) {
                x = 0.5 * (lo + hi);
            }
            double error = regularizedBeta(x, a, b) - p;
            if (error == 0) {
                return x;
            }
            if (error > 0) {
                hi = x;
            } else {
                lo = x;
            }
            double density = Math.exp(logNorm + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x));
            double next;
            if (density > 0 && Double.isFinite(density)) {
                double u = error / density;
                // Halley: f''/f' of the distribution function is the log-density's derivative.
                double correction = u * ((a - 1) / x - (b - 1) / (1 - x));
                next = x - u / (1 - 0.5 * Math.min(1, Math.max(-1, correction)));
            } else {
                next = 0.5 * (lo + hi);
            }
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-300) {
                return next;
            }
            x = next;
        }
        return x;
    }

    private static double betaQuantileGuess(double p, double a, double b) {
        if (a >= 1 && b >= 1) {
            double pp = p < 0.5 ? p : 1 - p;
            double t = Math.sqrt(-2 * Math.log(pp));
            double x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
            if (p < 0.5) {
                x = -x;
            }
            double al = (x * x - 3) / 6;
            double h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
            double w = x * Math.sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h));
            return a / (a + b * Math.exp(2 * w));
        }
        double lna = Math.log(a / (a + b));
        double lnb = Math.log(b / (a + b));
        double t = Math.exp(a * lna) / a;
        double u = Math.exp(b * lnb) / b;
        double w = t + u;
        if (p < t / w) {
            return Math.pow(a * w * p, 1 / a);
        }
        return 1 - Math.pow(b * w * (1 - p), 1 / b);
    }
}
