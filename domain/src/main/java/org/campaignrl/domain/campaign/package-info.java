/**
 * Campaign plans and their readouts, in pure Java: who of a dataset's customers to email with one subject line
 * ({@link org.campaignrl.domain.campaign.CampaignPlanner}: target, explore and control groups, each customer at most
 * once), what to expect from it, and what the sends it led to say ({@link
 * org.campaignrl.domain.campaign.ReadoutStatistics}: conversion per group, lift against the control group,
 * calibration). Customers are kept as a few primitive arrays ({@link org.campaignrl.domain.campaign.CustomerProfiles}),
 * never an object per customer, so that a million fit.
 */
package org.campaignrl.domain.campaign;
