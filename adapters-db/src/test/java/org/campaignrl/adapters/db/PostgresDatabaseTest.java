package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    void describesServerAndDatabaseWithoutCredentials() {
        assertEquals(
                "PostgreSQL 127.0.0.1:5432/test",
                PostgresDatabase.describe("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=secret"));
        assertEquals(
                "PostgreSQL db.example:5432/campaigns schema rl",
                PostgresDatabase.describe("jdbc:postgresql://db.example/campaigns?currentSchema=rl"));
    }

    @Test
    void anInvalidUrlIsRefusedWithoutRepeatingIt() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> PostgresDatabase.describe("jdbc:postgresql://host:notaport/db?password=secret"));

        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }
}
