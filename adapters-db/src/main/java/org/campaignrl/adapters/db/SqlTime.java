package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in and out of TIMESTAMP WITH TIME ZONE columns, as UTC offsets through
 * {@code setObject}/{@code getObject}: no JVM time zone is involved, so daylight saving cannot
 * shift a value. Both databases keep microseconds; finer digits are cut here rather than rounded
 * differently by each.
 */
final class SqlTime {
    private SqlTime() {}

    static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
