/**
 * Audiences a campaign manager can trust, ranked: cells ({@link org.campaignrl.domain.ranking.AudienceRanking})
 * and segments ({@link org.campaignrl.domain.ranking.SegmentRanking}) by a {@link
 * org.campaignrl.domain.ranking.RankingMethod} (an estimator of {@code domain.estimators} with its interval), and
 * the best day for a segment ({@link org.campaignrl.domain.ranking.BestDay}). How good a ranking is, on held-out
 * cells or against a known truth, is in {@code domain.ranking.evaluation}. Subject lines are addressed by their
 * <em>code</em> (position in {@code StateSpace.subjectIds()}), as in the state index.
 */
package org.campaignrl.domain.ranking;
