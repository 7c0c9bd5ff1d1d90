package org.campaignrl.adapters.web;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copies of uploaded logs, each upload in a folder of its own under the uploads folder (outside anything
 * served), named after the process that made it: {@code upload-<pid>-<random>}. The three logs are removed as
 * soon as the upload's ingest job ends, whatever the outcome; the rejects report beside them stays, as the
 * dataset names it (the Data page shows its first rows). At start-up, what a process that was killed left
 * (folders of a process no longer alive, or named as before this scheme) loses its logs the same way. Only the
 * three log names, and folders that are then empty, are ever removed, and only in the uploads folder.
 */
final class Uploads {
    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
    private static final String PREFIX = "upload-";
    /** {@code upload-<pid>-<random>}, or {@code upload-<random>} as earlier builds named them. */
    private static final Pattern NAME = Pattern.compile(PREFIX + "(?:(\\d+)-)?\\d+");

    private final Path root;

    Uploads(Path root) {
        this.root = root;
    }

    /** A new, empty folder for one upload's files. */
    Path newFolder() throws IOException {
        return Files.createTempDirectory(
                Files.createDirectories(root), PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Removes the upload's logs, and the folder when nothing else is in it; a failure is logged in one line. */
    void removeLogs(Path folder) {
        try {
            IngestLogsCommand logs = IngestLogsCommand.inFolder(folder);
            for (Path log : List.of(logs.sentEmails(), logs.responded(), logs.userbase())) {
                Files.deleteIfExists(log);
            }
            try (DirectoryStream<Path> rest = Files.newDirectoryStream(folder)) {
                if (!rest.iterator().hasNext()) {
                    Files.delete(folder);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not remove the uploaded logs in {}: {}", folder, e.toString());
        }
    }

    /** Removes the logs of uploads whose process is gone; answers how many folders it cleared. */
    int removeLeftovers() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int cleared = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS) && isLeftOver(folder)) {
                    removeLogs(folder);
                    cleared++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not look for uploads left over in {}: {}", root, e.toString());
        }
        return cleared;
    }

    /** A folder of ours whose process is gone: another process's live one may still be ingesting. */
    private static boolean isLeftOver(Path folder) {
        Matcher name = NAME.matcher(folder.getFileName().toString());
        if (!name.matches()) {
            return false;
        }
        if (name.group(1) == null) {
            return true;
        }
        long pid = Long.parseLong(name.group(1));
        // Our own pid at start-up: an earlier process's, since this one has made none yet.
        return pid == ProcessHandle.current().pid()
                || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
