package org.campaignrl.adapters.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.campaignrl.application.model.RejectedRow;
import org.campaignrl.application.port.out.RejectedRowsReader;

/** Reads the rejects report the ingest writes ({@code file,line,field,reason,value}). */
public final class CsvRejectsReader implements RejectedRowsReader {

    @Override
    public List<RejectedRow> firstRows(Path report, int limit) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<RejectedRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                if (rows.size() == limit) {
                    break;
                }
                rows.add(new RejectedRow(
                        record.get("file"),
                        parseLine(record.get("line")),
                        record.get("field"),
                        record.get("reason"),
                        record.get("value")));
            }
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rejects report " + report + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static long parseLine(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
