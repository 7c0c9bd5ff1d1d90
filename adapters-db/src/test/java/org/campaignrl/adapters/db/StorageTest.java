package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What needs no database; see the contracts for the rest. */
class StorageTest {

    @Test
    void anUnsupportedUrlIsRefusedBeforeConnecting() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Storage.open("jdbc:sqlite:/tmp/campaign-rl.db"));

        assertTrue(refused.getMessage().startsWith("unsupported database URL 'jdbc:sqlite:...'"), refused.getMessage());
    }

    @Test
    void anUnreachableDatabaseIsNamedInTheError() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> Storage.open("jdbc:postgresql://127.0.0.1:1/none?user=nobody&password=secret&connectTimeout=2"));

        assertTrue(refused.getMessage().startsWith("cannot open PostgreSQL 127.0.0.1:1/none"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("secret"), refused.getMessage());
    }
}
