/**
 * Estimates of a cell's conversion: intervals ({@link org.campaignrl.domain.estimators.ConversionInterval}:
 * Wilson, Jeffreys), the raw rate, and estimators that borrow strength across cells ({@link
 * org.campaignrl.domain.estimators.EmpiricalBayesShrinkage}, {@link
 * org.campaignrl.domain.estimators.AdditiveLogisticModel}, {@link
 * org.campaignrl.domain.estimators.LogisticShrinkage}, {@link org.campaignrl.domain.estimators.SegmentShrinkage}).
 */
package org.campaignrl.domain.estimators;
