package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2DatabaseTest {

    @Test
    void theDefaultUrlIsAnAbsoluteFileInTheFolder() {
        Path dir = Path.of("var", "..", "var");

        assertEquals(
                "jdbc:h2:file:" + Path.of("var").toAbsolutePath().resolve("campaign-rl"), Storage.defaultH2Url(dir));
    }

    @Test
    void aFileUrlGetsTheMissingSettings() {
        assertEquals(
                "jdbc:h2:file:/d/db;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE;" + "WRITE_DELAY=0",
                H2Database.withFileDefaults("jdbc:h2:file:/d/db"));
        assertEquals(
                "jdbc:h2:~/db;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE;" + "WRITE_DELAY=0",
                H2Database.withFileDefaults("jdbc:h2:~/db;"));
        assertEquals(
                "jdbc:h2:/d/db;write_delay=100;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;" + "REUSE_SPACE=FALSE",
                H2Database.withFileDefaults("jdbc:h2:/d/db;write_delay=100"));
        assertEquals(
                "jdbc:h2:/d/db;auto_server=false;LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE;" + "WRITE_DELAY=0",
                H2Database.withFileDefaults("jdbc:h2:/d/db;auto_server=false"));
    }

    @Test
    void otherUrlsAreLeftAlone() {
        assertEquals("jdbc:h2:mem:test", H2Database.withFileDefaults("jdbc:h2:mem:test"));
        assertEquals("jdbc:h2:tcp://host/~/db", H2Database.withFileDefaults("jdbc:h2:tcp://host/~/db"));
    }

    @Test
    void describesTheFileWithoutSettings() {
        assertEquals(
                "H2 file " + Path.of("/d/campaign-rl.mv.db").toAbsolutePath(),
                H2Database.describe("jdbc:h2:file:/d/campaign-rl;USER=me;PASSWORD=secret"));
        assertEquals(
                "H2 file " + Path.of(System.getProperty("user.home"), "db.mv.db"), H2Database.describe("jdbc:h2:~/db"));
        assertEquals("H2 file " + Path.of("rel.mv.db").toAbsolutePath(), H2Database.describe("jdbc:h2:./rel"));
        assertEquals("H2 in-memory test", H2Database.describe("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"));
        assertEquals("H2 server tcp://host/~/db", H2Database.describe("jdbc:h2:tcp://host/~/db;PASSWORD=secret"));
    }

    @Test
    void readsSettingsIgnoringTheirCase() {
        assertEquals(
                "me",
                H2Database.setting("jdbc:h2:/d/db;user=me;PASSWORD=p", "USER").orElseThrow());
        assertEquals(
                "p",
                H2Database.setting("jdbc:h2:/d/db;user=me;PASSWORD=p", "password")
                        .orElseThrow());
        assertEquals(java.util.Optional.empty(), H2Database.setting("jdbc:h2:/d/db", "USER"));
    }
}
