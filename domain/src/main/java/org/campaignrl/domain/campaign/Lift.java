package org.campaignrl.domain.campaign;

/**
 * Target against control: the difference of their conversions with a 95 % interval (Newcombe's hybrid score
 * interval from the two Wilson intervals), the relative lift (target / control − 1, with the Katz log interval;
 * NaN when the control converted not at all), and the incremental responses (the difference times the target's
 * sends, with the difference's interval scaled alike).
 */
public record Lift(
        double absolute,
        double absoluteLower,
        double absoluteUpper,
        double relative,
        double relativeLower,
        double relativeUpper,
        double incremental,
        double incrementalLower,
        double incrementalUpper) {
    public Lift {
        if (!(absoluteLower <= absolute && absolute <= absoluteUpper)) {
            throw new IllegalArgumentException("the lift must lie within its interval: " + absolute + " in ["
                    + absoluteLower + ", " + absoluteUpper + "]");
        }
    }

    /** Whether the interval of the difference lies wholly above 0: the plan beat its control. */
    public boolean beatsControl() {
        return absoluteLower > 0;
    }

    /** What the lift's interval says of the plan against its control, as every reader of a readout words it. */
    public Verdict verdict() {
        return beatsControl() ? Verdict.BEAT : absoluteUpper < 0 ? Verdict.WORSE : Verdict.NOT_SHOWN;
    }

    public enum Verdict {
        BEAT("beat its control group", "the lift's 95 % interval lies above 0"),
        WORSE("did worse than its control group", "the lift's 95 % interval lies below 0"),
        NOT_SHOWN("was not shown to beat its control group", "the lift's 95 % interval includes 0");

        private final String words;
        private final String because;

        Verdict(String words, String because) {
            this.words = words;
            this.because = because;
        }

        /** The plan "…": {@code beat its control group}. */
        public String words() {
            return words;
        }

        /** Why, from the interval. */
        public String because() {
            return because;
        }
    }
}
