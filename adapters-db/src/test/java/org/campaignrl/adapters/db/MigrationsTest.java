package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void theListNamesEveryScriptInTheFolderInVersionOrder() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getResource(Migrations.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(
                    files.map(file -> file.getFileName().toString())
                            .sorted(java.util.Comparator.comparingInt(
                                    name -> Migrations.Migration.named(name).version()))
                            .toList(),
                    Migrations.SCRIPTS);
        }
        assertEquals(Migrations.SCRIPTS.size(), Migrations.all().size());
    }

    @Test
    void everyScriptRendersCompletelyForEveryDatabase() {
        for (Migrations.Migration migration : Migrations.all()) {
            for (SqlDialect dialect : SqlDialect.values()) {
                assertFalse(dialect.render(migration.text()).contains("${"), migration + " for " + dialect);
            }
        }
    }

    @Test
    void theDescriptionComesFromTheFileName() {
        assertEquals(
                new Migrations.Migration(12, "add model notes", "V12__add_model_notes.sql"),
                Migrations.Migration.named("V12__add_model_notes.sql"));
    }
}
