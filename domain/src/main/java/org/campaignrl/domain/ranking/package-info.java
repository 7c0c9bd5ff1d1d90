/**
 * Statistics for audiences a campaign manager can trust: conversion intervals
 * ({@link org.campaignrl.domain.ranking.ConversionInterval}: Wilson, Jeffreys), estimators that
 * borrow strength across cells ({@link org.campaignrl.domain.ranking.EmpiricalBayesShrinkage},
 * {@link org.campaignrl.domain.ranking.AdditiveLogisticModel},
 * {@link org.campaignrl.domain.ranking.LogisticShrinkage}), rankings of cells
 * ({@link org.campaignrl.domain.ranking.AudienceRanking}) and of segments
 * ({@link org.campaignrl.domain.ranking.SegmentRanking}), the best day for a segment
 * ({@link org.campaignrl.domain.ranking.BestDay}), and ways to check a ranking: on held-out cells
 * with bootstrap intervals ({@link org.campaignrl.domain.ranking.HeldOutEvaluation}) or against a
 * known truth ({@link org.campaignrl.domain.ranking.TruthRegret}).
 *
 * <p>Like the rest of the domain it depends on nothing but {@code java.*}; the special functions
 * and the small linear solver it needs are written out here. Subject lines are addressed by their
 * <em>code</em> (position in {@code StateSpace.subjectIds()}), as in the state index.
 */
package org.campaignrl.domain.ranking;
