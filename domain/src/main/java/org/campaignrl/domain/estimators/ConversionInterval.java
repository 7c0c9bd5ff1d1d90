package org.campaignrl.domain.estimators;

import org.campaignrl.domain.numerics.SpecialFunctions;

/**
 * A conversion rate (responses / sends) with a confidence interval around it.
 *
 * <p>{@code rate} is the observed rate (0 when nothing was sent). The interval need not contain
 * the rate at low confidence levels (Wilson and Jeffreys intervals lean towards ½), but always
 * {@code 0 ≤ lower ≤ upper ≤ 1}.
 */
public record ConversionInterval(double rate, double lower, double upper) {

    public ConversionInterval {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
        if (!(lower >= 0 && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper <= 1: [" + lower + ", " + upper + "]");
        }
    }

    /**
     * The Wilson score interval (Wilson 1927): the rates p whose score test is not rejected,
     * centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). No sends:
     * [0, 1]. It is exactly 0 below when nothing responded and exactly 1 above when everything did.
     *
     * @param confidence the coverage, strictly between 0 and 1 (e.g. 0.95)
     */
    public static ConversionInterval wilson(long responses, long sends, double confidence) {
        checkCounts(responses, sends);
        double z = zFor(confidence);
        if (sends == 0) {
            return new ConversionInterval(0, 0, 1);
        }
        double n = sends;
        double p = responses / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = responses == 0 ? 0 : clamp(centre - half);
        double upper = responses == sends ? 1 : clamp(centre + half);
        return new ConversionInterval(p, Math.min(lower, upper), upper);
    }

    /**
     * The Jeffreys interval: the equal-tailed interval of the Beta(r + ½, n − r + ½) posterior
     * under the Jeffreys prior Beta(½, ½), with the usual end corrections (Brown, Cai and
     * DasGupta 2001): lower 0 when nothing responded, upper 1 when everything did. No sends: [0, 1].
     *
     * @param confidence the coverage, strictly between 0 and 1 (e.g. 0.95)
     */
    public static ConversionInterval jeffreys(long responses, long sends, double confidence) {
        checkCounts(responses, sends);
        double tail = (1 - checkConfidence(confidence)) / 2;
        if (sends == 0) {
            return new ConversionInterval(0, 0, 1);
        }
        double a = responses + 0.5;
        double b = sends - responses + 0.5;
        double lower = responses == 0 ? 0 : SpecialFunctions.betaQuantile(tail, a, b);
        double upper = responses == sends ? 1 : SpecialFunctions.betaQuantile(1 - tail, a, b);
        return new ConversionInterval((double) responses / sends, lower, upper);
    }

    /** The interval of the given method. */
    public static ConversionInterval of(IntervalMethod method, long responses, long sends, double confidence) {
        return method.interval(responses, sends, confidence);
    }

    /** {@code upper − lower}. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies within [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Whether the two intervals share at least one point. */
    public boolean overlaps(ConversionInterval other) {
        return lower <= other.upper && other.lower <= upper;
    }

    /** What {@code emails} more sends at this rate would bring: emails × rate, × lower, × upper. */
    public ExpectedResponses expectedResponses(long emails) {
        if (emails < 0) {
            throw new IllegalArgumentException("emails must not be negative: " + emails);
        }
        return new ExpectedResponses(emails, emails * rate, emails * lower, emails * upper);
    }

    /** The Wilson lower bound alone, for a precomputed z: no allocation, for scoring many cells. */
    public static double wilsonLower(long responses, long sends, double z) {
        if (sends == 0 || responses == 0) {
            return 0;
        }
        double n = sends;
        double p = responses / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return clamp(centre - half);
    }

    /** The two-sided standard normal quantile for a confidence level: 1.96 for 0.95. */
    public static double zFor(double confidence) {
        return SpecialFunctions.normalQuantile(1 - (1 - checkConfidence(confidence)) / 2);
    }

    public static double checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1: " + confidence);
        }
        return confidence;
    }

    private static void checkCounts(long responses, long sends) {
        if (sends < 0 || responses < 0 || responses > sends) {
            throw new IllegalArgumentException(responses + " responses for " + sends + " sends");
        }
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
