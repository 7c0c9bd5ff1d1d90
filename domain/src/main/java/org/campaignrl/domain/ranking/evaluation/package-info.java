/**
 * How good a ranking of audiences is: on held-out cells with bootstrap intervals ({@link
 * org.campaignrl.domain.ranking.evaluation.HeldOutEvaluation}) or against a known truth ({@link
 * org.campaignrl.domain.ranking.evaluation.TruthRegret}).
 */
package org.campaignrl.domain.ranking.evaluation;
