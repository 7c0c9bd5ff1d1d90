package org.campaignrl.domain.campaign;

import org.campaignrl.domain.estimators.ConversionInterval;

/**
 * One bin of predicted probability among a plan's customers who were sent (target and explore): the range of
 * predictions it holds, how many were sent, the mean prediction, and what they did (conversion with a 95 %
 * Wilson interval). A chart plots {@code predicted} against {@code observed.rate()}: a calibrated plan sits on
 * the diagonal.
 */
public record CalibrationRow(
        double fromPredicted,
        double toPredicted,
        long sent,
        double predicted,
        long responded,
        ConversionInterval observed) {}
