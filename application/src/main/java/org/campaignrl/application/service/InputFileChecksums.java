package org.campaignrl.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.port.ProgressListener;

/**
 * The SHA-256 of each input file, computed while the ingest reads it (on a thread of its own, off the way of
 * the aggregation: docs/performance.md), and a check, by size and modification time taken
 * before the ingest and again after it, that no file changed in between — so the checksum is that of what
 * was read.
 */
final class InputFileChecksums {
    static final String STAGE = "checksums";
    private static final int BUFFER_BYTES = 1 << 16;

    /** Size and modification time: what changes when a file is rewritten. */
    private record Stamp(long size, FileTime modified) {
        static Stamp of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                return null; // missing or unreadable: the ingest itself will say so
            }
        }
    }

    /**
     * @param traced whether the file is checksummed: a regular local file. A folder of part files or a path of
     *               another file system ({@code hdfs://…}, which an engine such as Spark reads) is read by the
     *               engine alone, and the dataset records no input file for it.
     */
    private record Entry(String role, Path path, Stamp before, boolean traced) {}

    private final List<Entry> files;

    private InputFileChecksums(List<Entry> files) {
        this.files = files;
    }

    /** Notes each file's size and time before the ingest reads it; roles and paths pair up by position. */
    static InputFileChecksums before(List<String> roles, List<Path> paths) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            Path path = paths.get(i);
            // A missing absolute path is traced all the same (the engine says it is missing); a URI given as a path
            // (s3a://bucket/key, whose // the file system folds) is relative and exists nowhere here.
            boolean traced = Files.isRegularFile(path) || !Files.exists(path) && path.isAbsolute();
            entries.add(new Entry(roles.get(i), path, Stamp.of(path), traced));
        }
        return new InputFileChecksums(entries);
    }

    /** The SHA-256 of every traced file, in order (blank for the others). */
    List<String> sha256s() {
        return files.stream()
                .map(entry -> entry.traced() ? sha256(entry.path()) : "")
                .toList();
    }

    /** The files with the checksums given, once it is checked that none changed since {@link #before}. */
    List<InputFile> unchanged(List<String> sha256s, ProgressListener progress) {
        List<InputFile> inputs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            Entry entry = files.get(i);
            if (!entry.traced()) {
                continue;
            }
            if (entry.before() == null || !Objects.equals(entry.before(), Stamp.of(entry.path()))) {
                throw new IngestRefusedException(
                        entry.path().toString(),
                        0,
                        "the file changed while it was being ingested; nothing was stored, ingest it again");
            }
            inputs.add(new InputFile(
                    entry.role(),
                    entry.path().toAbsolutePath().normalize().toString(),
                    entry.before().size(),
                    sha256s.get(i)));
            total += entry.before().size();
        }
        progress.progress(STAGE, total, total);
        return inputs;
    }

    /** The files as they are now, to tell whether they are the ones a dataset was read from. */
    static List<InputFile> current(List<String> roles, List<Path> paths) {
        List<InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            Path path = paths.get(i);
            Stamp stamp = Stamp.of(path);
            if (stamp == null) {
                throw new IngestRefusedException(path.toString(), 0, "is missing or cannot be read");
            }
            inputs.add(new InputFile(
                    roles.get(i), path.toAbsolutePath().normalize().toString(), stamp.size(), sha256(path)));
        }
        return inputs;
    }

    private static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new IngestRefusedException(path.toString(), 0, "cannot be read for its checksum: " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
