/**
 * Numerics that are not campaign words, written out because the domain depends on nothing but {@code java.*}:
 * special functions (normal and beta quantiles, log-gamma, regularized gamma and beta), a small linear solver,
 * a binomial sampler.
 */
package org.campaignrl.domain.numerics;
