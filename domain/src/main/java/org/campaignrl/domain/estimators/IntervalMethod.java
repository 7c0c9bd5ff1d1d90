package org.campaignrl.domain.estimators;

/** How a {@link ConversionInterval} is computed from responses and sends. */
public enum IntervalMethod {
    /** {@link ConversionInterval#wilson}: closed form, the default. */
    WILSON,
    /** {@link ConversionInterval#jeffreys}: Beta(½, ½) posterior quantiles. */
    JEFFREYS;

    public ConversionInterval interval(long responses, long sends, double confidence) {
        return switch (this) {
            case WILSON -> ConversionInterval.wilson(responses, sends, confidence);
            case JEFFREYS -> ConversionInterval.jeffreys(responses, sends, confidence);
        };
    }
}
