package org.campaignrl.adapters.web;

import java.nio.file.Path;
import org.campaignrl.adapters.users.UserDirectory;

/**
 * Where the web layer keeps uploads (outside anything it serves), which folder the data page suggests, who may
 * use the server ({@link UserDirectory#NONE}: everyone on this machine), and how large an upload may be.
 */
public record WebSettings(Path uploadsFolder, String suggestedDataFolder, UserDirectory users, long maxUploadBytes) {
    /** 1 GiB: ten times the full-size sample's three files together. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;

    public WebSettings {
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("the upload limit must be positive, was " + maxUploadBytes);
        }
    }

    public WebSettings(Path uploadsFolder, String suggestedDataFolder) {
        this(uploadsFolder, suggestedDataFolder, UserDirectory.NONE, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public static WebSettings inTemporaryFolder() {
        return new WebSettings(Path.of(System.getProperty("java.io.tmpdir"), "campaign-rl-uploads"), "");
    }

    public WebSettings withUsers(UserDirectory newUsers) {
        return new WebSettings(uploadsFolder, suggestedDataFolder, newUsers, maxUploadBytes);
    }

    public WebSettings withMaxUploadBytes(long bytes) {
        return new WebSettings(uploadsFolder, suggestedDataFolder, users, bytes);
    }
}
