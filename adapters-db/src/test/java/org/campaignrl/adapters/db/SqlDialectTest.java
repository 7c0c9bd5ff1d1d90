package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void theUrlPrefixChoosesTheDialect() {
        assertEquals(SqlDialect.H2, SqlDialect.of("jdbc:h2:file:/tmp/x"));
        assertEquals(SqlDialect.H2, SqlDialect.of("JDBC:H2:mem:x"));
        assertEquals(SqlDialect.POSTGRES, SqlDialect.of("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
    }

    @Test
    void anyOtherUrlIsRefusedWithoutRepeatingItsCredentials() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> SqlDialect.of("jdbc:mysql://db:3306/x?user=me&password=secret"));

        assertTrue(refused.getMessage().contains("'jdbc:mysql:...'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("jdbc:h2: or jdbc:postgresql:"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SqlDialect.of(null));
        assertThrows(IllegalArgumentException.class, () -> SqlDialect.of("campaign-rl.mv.db"));
    }

    @Test
    void placeholdersBecomeEachDatabasesWords() {
        assertEquals("q ${x VARBINARY NOT NULL", SqlDialect.H2.render("q ${x ${binary} NOT NULL"));
        assertEquals("q BYTEA", SqlDialect.POSTGRES.render("q ${binary}"));
        assertEquals("BLOB, BYTEA", SqlDialect.H2.render("${blob}") + ", " + SqlDialect.POSTGRES.render("${blob}"));
    }

    @Test
    void anUnknownPlaceholderIsABug() {
        IllegalStateException bug = assertThrows(IllegalStateException.class, () -> SqlDialect.H2.render("${clob}"));

        assertTrue(bug.getMessage().contains("${clob}"), bug.getMessage());
    }
}
