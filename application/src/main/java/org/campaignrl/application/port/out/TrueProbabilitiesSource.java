package org.campaignrl.application.port.out;

import java.nio.file.Path;
import org.campaignrl.domain.StateSpace;

/** Reads a synthetic dataset's known truth: one true response probability per state (NaN where unknown). */
@FunctionalInterface
public interface TrueProbabilitiesSource {
    double[] load(Path truthFile, StateSpace space) throws java.io.IOException;
}
