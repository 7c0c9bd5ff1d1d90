package org.campaignrl.adapters.web;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.adapters.users.UserDirectory;

/**
 * Where the web layer keeps uploads (outside anything it serves), which folder the data page suggests, who may
 * use the server ({@link UserDirectory#NONE}: everyone on this machine), how large an upload may be, and which
 * names beyond loopback and {@code --host} it answers to ({@code Host}, behind a proxy; see {@link HostCheck}), and
 * the addresses of the proxies whose {@code X-Forwarded-For} names the client ({@link ClientAddress}).
 */
public record WebSettings(
        Path uploadsFolder,
        String suggestedDataFolder,
        UserDirectory users,
        long maxUploadBytes,
        List<String> allowedHosts,
        List<String> trustedProxies) {
    /** 1 GiB: ten times the full-size sample's three files together. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;

    public WebSettings {
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("the upload limit must be positive, was " + maxUploadBytes);
        }
        allowedHosts = List.copyOf(allowedHosts);
        trustedProxies = List.copyOf(trustedProxies);
        ClientAddress.check(trustedProxies);
    }

    public WebSettings(Path uploadsFolder, String suggestedDataFolder) {
        this(uploadsFolder, suggestedDataFolder, UserDirectory.NONE, DEFAULT_MAX_UPLOAD_BYTES, List.of(), List.of());
    }

    public static WebSettings inTemporaryFolder() {
        return new WebSettings(Path.of(System.getProperty("java.io.tmpdir"), "campaign-rl-uploads"), "");
    }

    public WebSettings withUsers(UserDirectory newUsers) {
        return new WebSettings(
                uploadsFolder, suggestedDataFolder, newUsers, maxUploadBytes, allowedHosts, trustedProxies);
    }

    public WebSettings withMaxUploadBytes(long bytes) {
        return new WebSettings(uploadsFolder, suggestedDataFolder, users, bytes, allowedHosts, trustedProxies);
    }

    public WebSettings withAllowedHosts(List<String> names) {
        return new WebSettings(uploadsFolder, suggestedDataFolder, users, maxUploadBytes, names, trustedProxies);
    }

    public WebSettings withTrustedProxies(List<String> addresses) {
        return new WebSettings(uploadsFolder, suggestedDataFolder, users, maxUploadBytes, allowedHosts, addresses);
    }
}
