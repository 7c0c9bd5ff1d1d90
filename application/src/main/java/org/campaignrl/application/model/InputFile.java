package org.campaignrl.application.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One input file of an ingest as it was read: which log it was ({@code role}: sent, responded,
 * userbase), its path, its size in bytes and its SHA-256 in lower-case hex, so that a dataset can
 * be traced back to exactly the files it came from.
 */
public record InputFile(String role, String path, long sizeBytes, String sha256) {
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public InputFile {
        if (role == null || role.isBlank() || path == null || path.isBlank()) {
            throw new IllegalArgumentException("an input file needs a role and a path");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException(path + ": negative size " + sizeBytes);
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        if (sha256 == null || !SHA_256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException(path + ": not a SHA-256 in hex: " + sha256);
        }
    }
}
