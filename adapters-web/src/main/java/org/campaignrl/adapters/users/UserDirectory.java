package org.campaignrl.adapters.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people who may use the server, each with a role and the SHA-256 of their access token; the tokens
 * themselves are never stored. One line per user, {@code name role sha256:<64 hex digits>}, {@code #} starts a
 * comment; in an environment variable, lines may also be separated by {@code ;}.
 *
 * <p>A plain SHA-256 (no salt, no slow hash) is enough because tokens are random 256-bit values made by
 * {@link #newToken}: there is nothing to guess from a dictionary, and each request can afford the check.
 */
public final class UserDirectory {
    public static final UserDirectory NONE = new UserDirectory(List.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String HASH_PREFIX = "sha256:";

    private final List<Entry> entries;

    private record Entry(User user, byte[] tokenHash) {}

    private UserDirectory(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a users file; an unreadable file, one others than its owner may write, or a bad line is an
     * {@link IllegalArgumentException} naming it.
     */
    public static UserDirectory read(Path file) {
        refuseIfOthersMayWrite(file);
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the users file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a users file that its group or anyone may write: whoever can write it can give themselves any role.
     * A file system without POSIX permissions is not checked. A missing file passes (reading it then says so).
     */
    public static void refuseIfOthersMayWrite(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException notPosixOrMissing) {
            return;
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalArgumentException("the users file " + file + " may be written by others than its owner ("
                    + PosixFilePermissions.toString(permissions) + "): whoever can write it can give themselves any "
                    + "role; make it the owner's alone: chmod 600 " + file);
        }
    }

    /** Creates an empty users file only its owner may read and write (0600), where the file system allows it. */
    public static void createPrivately(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    /**
     * @param source what the text came from, for error messages: a file name or an environment variable's name
     */
    public static UserDirectory parse(String source, String text) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        String[] lines = text.split("\r?\n|;", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(
                        where + ": expected 'name role sha256:<hex>', found " + fields.length + " field(s)");
            }
            if (!NAME.matcher(fields[0]).matches()) {
                throw new IllegalArgumentException(where + " field 'name': '" + fields[0]
                        + "' is not a name (letters, digits, . _ @ -, at most 64)");
            }
            Role role = Role.labelled(fields[1])
                    .orElseThrow(() -> new IllegalArgumentException(where + " field 'role': unknown role '" + fields[1]
                            + "' (campaign-manager or ml-engineer)"));
            byte[] hash = parseHash(fields[2], where);
            if (!names.add(fields[0])) {
                throw new IllegalArgumentException(where + " field 'name': '" + fields[0] + "' appears twice");
            }
            if (!hashes.add(fields[2])) {
                throw new IllegalArgumentException(where + " field 'token': the same token as another user");
            }
            entries.add(new Entry(new User(fields[0], role), hash));
        }
        return new UserDirectory(entries);
    }

    private static byte[] parseHash(String text, String where) {
        String hex = text.startsWith(HASH_PREFIX) ? text.substring(HASH_PREFIX.length()) : "";
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(where + " field 'token': expected sha256:<64 lowercase hex digits> "
                    + "(the hash of the token, see 'campaign-rl users add'), never the token itself");
        }
        return HexFormat.of().parseHex(hex);
    }

    /**
     * The user whose token this is. Every entry is compared, each in constant time, so the time taken says
     * nothing about which user or how much of a hash matched.
     */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        User found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.tokenHash(), presented)) {
                found = entry.user();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<User> users() {
        return entries.stream().map(Entry::user).toList();
    }

    /** A fresh access token: 256 random bits, URL-safe, with a prefix that makes a leaked one easy to spot. */
    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "crl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The users-file line for a user with this token. */
    public static String line(User user, String token) {
        return user.name() + " " + user.role().label() + " " + HASH_PREFIX
                + HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
