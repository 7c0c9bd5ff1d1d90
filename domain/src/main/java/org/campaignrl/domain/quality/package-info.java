/**
 * Judging a learned model against the known, deterministic environment it was trained on:
 * the exact optimum ({@link org.campaignrl.domain.quality.OptimalPlan}), how close a learned Q table
 * comes to it ({@link org.campaignrl.domain.quality.PolicyQuality}), and the existing users' fold
 * protocol, reproduced so old and new reports can be compared
 * ({@link org.campaignrl.domain.quality.FoldReport}). Pure Java, like the rest of the domain.
 */
package org.campaignrl.domain.quality;
