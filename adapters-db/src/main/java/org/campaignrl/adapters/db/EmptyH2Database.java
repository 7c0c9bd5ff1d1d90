package org.campaignrl.adapters.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An H2 file holding the current schema and nothing else, made when the module is built (adapters-db/pom.xml
 * runs {@link #main}) from the migrations themselves, and copied for a new file database instead of running
 * every migration on it: most of a second of CPU at a new database's first start, on a thread the start-up
 * waits for (docs/performance.md). Its {@code schema_history} says when it was built.
 */
public final class EmptyH2Database {
    static final String NAME = "empty-h2";
    private static final String RESOURCE = "/db/" + NAME + ".mv.db";

    private EmptyH2Database() {}

    /** Writes {@code FOLDER/empty-h2.mv.db} by migrating a new file: {@code EmptyH2Database FOLDER}. */
    public static void main(String[] args) throws IOException, SQLException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(NAME + ".mv.db"));
        // The template itself is not on the class path yet (deleted above): the migrations make this one.
        Storage storage = Storage.open(H2Database.fileUrl(folder, NAME));
        try {
            storage.jdbi().useHandle(handle -> {
                try (Statement statement = handle.getConnection().createStatement()) {
                    statement.execute("SHUTDOWN COMPACT"); // 1.2 MB -> 16 KB
                }
            });
        } finally {
            storage.close();
        }
        Files.deleteIfExists(folder.resolve(NAME + ".trace.db")); // the first query's "no table yet"
    }

    /**
     * Copies the template to {@code file} when there is no such file yet; does nothing when the template is not
     * on the class path (a build that skipped making it), so that the migrations create the schema as before.
     */
    static void copyIfNew(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream template = EmptyH2Database.class.getResourceAsStream(RESOURCE)) {
            if (template == null) {
                return;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".part");
            try {
                Files.copy(template, partial, StandardCopyOption.REPLACE_EXISTING);
                // A rename within the folder, so that a process killed while copying leaves no half a database;
                // without options it refuses a file that appeared meanwhile (ATOMIC_MOVE would replace it).
                Files.move(partial, file);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: theirs is as good
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database " + file, e);
        }
    }
}
