package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new H2 file starts from the empty database the build made; it must be what the migrations make. */
class EmptyH2DatabaseTest {
    private static final String COLUMNS = "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
            + " || is_nullable || ' ' || COALESCE(column_default, '-') FROM information_schema.columns"
            + " WHERE table_schema = 'PUBLIC' ORDER BY table_name, ordinal_position";
    private static final String INDEXES = "SELECT table_name || '.' || index_name || ' ' || index_type_name"
            + " FROM information_schema.indexes WHERE table_schema = 'PUBLIC' ORDER BY table_name, index_name";
    private static final String CONSTRAINTS = "SELECT table_name || '.' || constraint_type FROM"
            + " information_schema.table_constraints WHERE table_schema = 'PUBLIC' ORDER BY 1";

    @TempDir
    Path folder;

    @Test
    void aNewFileDatabaseHasTheSchemaTheMigrationsMake() {
        OffsetDateTime testStarted = OffsetDateTime.now();
        try (Storage fromTemplate = Storage.open(Storage.defaultH2Url(folder));
                Storage migrated = Storage.open("jdbc:h2:mem:migrated-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
            for (String query :
                    List.of(COLUMNS, INDEXES, CONSTRAINTS, "SELECT version FROM schema_history ORDER BY 1")) {
                assertEquals(list(migrated, query), list(fromTemplate, query), query);
            }
            // The file's history predates this test: it was copied, not migrated here.
            assertTrue(fromTemplate
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT MAX(applied_at) FROM schema_history")
                            .mapTo(OffsetDateTime.class)
                            .one())
                    .isBefore(testStarted));
        }
    }

    @Test
    void anExistingFileIsKeptAndNoFileIsMadeWhereH2IsToldNotTo() throws Exception {
        Path file = folder.resolve("kept.mv.db");
        Files.writeString(file, "not a database");
        EmptyH2Database.copyIfNew(file);
        assertEquals("not a database", Files.readString(file));

        String mustExist = H2Database.fileUrl(folder, "absent") + ";IFEXISTS=TRUE";
        assertThrows(IllegalStateException.class, () -> Storage.open(mustExist));
        assertFalse(Files.exists(folder.resolve("absent.mv.db")));
    }

    @Test
    void onlyAnH2FileThatDoesNotExistYetIsKnownToBeNew() {
        String url = Storage.defaultH2Url(folder.resolve("new"));
        assertTrue(Storage.wouldCreate(url));
        Storage.open(url).close();
        assertFalse(Storage.wouldCreate(url));

        assertFalse(Storage.wouldCreate(H2Database.fileUrl(folder, "absent") + ";IFEXISTS=TRUE"));
        assertFalse(Storage.wouldCreate("jdbc:h2:mem:anything"));
        assertFalse(Storage.wouldCreate("jdbc:postgresql://127.0.0.1:5432/nowhere"));
    }

    private static List<String> list(Storage storage, String query) {
        return storage.jdbi()
                .withHandle(
                        handle -> handle.createQuery(query).mapTo(String.class).list());
    }
}
