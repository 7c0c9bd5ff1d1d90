package org.campaignrl.domain.estimators;

/**
 * Responses to expect from sending {@code emails} emails at a conversion and its interval:
 * {@code expected = emails × rate}, {@code lower = emails × lower bound}, {@code upper = emails × upper bound}.
 * The interval is the rate's uncertainty scaled up; it leaves out the binomial noise of the new
 * sends themselves, which is small next to it unless {@code emails} is small.
 */
public record ExpectedResponses(long emails, double expected, double lower, double upper) {}
