package org.campaignrl.application.port.in;

import java.util.OptionalLong;

/**
 * Serves whatever model storage says is active, when another process (a second server, the CLI)
 * activated a different one. Meant to be called every second or two.
 */
public interface RefreshServingUseCase {

    Refresh refreshIfChanged();

    /** Whether the served model changed, and which one is served now (empty: none). */
    record Refresh(boolean changed, OptionalLong servedModelId) {}
}
