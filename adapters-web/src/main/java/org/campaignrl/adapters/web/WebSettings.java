package org.campaignrl.adapters.web;

import java.nio.file.Path;

/**
 * Where the web layer keeps uploads (outside anything it serves) and which folder the data page suggests.
 */
public record WebSettings(Path uploadsFolder, String suggestedDataFolder) {
    public static WebSettings inTemporaryFolder() {
        return new WebSettings(Path.of(System.getProperty("java.io.tmpdir"), "campaign-rl-uploads"), "");
    }
}
