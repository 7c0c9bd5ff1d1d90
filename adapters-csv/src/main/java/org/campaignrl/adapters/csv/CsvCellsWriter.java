package org.campaignrl.adapters.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.application.port.out.CellsWriter;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * Writes cells in the existing users' {@code email_campaign_data.csv} layout: the subject id, then the
 * attribute codes (the domain's being its position in the sorted domain list), then responded sends
 * and sends. One row per cell with at least one send, in the order pandas' groupby gives.
 */
public final class CsvCellsWriter implements CellsWriter {
    static final String HEADER = "SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,"
            + "Response_Received,Sent_Emails";

    public CsvCellsWriter() {}

    @Override
    public long writeCells(Cells cells, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                writer.write(HEADER);
                writer.write('\n');
                return writeRows(cells, writer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The loops nest in the column order, so the rows come out sorted by every column in turn. */
    private static long writeRows(Cells cells, Writer writer) throws IOException {
        StateSpace space = cells.space();
        long rows = 0;
        StringBuilder row = new StringBuilder();
        for (int subject = 0; subject < space.size(Attribute.SUBJECT); subject++) {
            for (int gender = 0; gender < space.size(Attribute.GENDER); gender++) {
                for (int type = 0; type < space.size(Attribute.TYPE); type++) {
                    for (int domain = 0; domain < space.size(Attribute.DOMAIN); domain++) {
                        for (int tenure = 0; tenure < space.size(Attribute.TENURE); tenure++) {
                            for (int age = 0; age < space.size(Attribute.AGE); age++) {
                                for (int day = 0; day < space.size(Attribute.DAY); day++) {
                                    int state = space.indexOfCodes(subject, day, tenure, domain, age, gender, type);
                                    if (cells.sends(state) == 0) {
                                        continue;
                                    }
                                    row.setLength(0);
                                    row.append(space.subjectId(subject))
                                            .append(',')
                                            .append(gender)
                                            .append(',')
                                            .append(type)
                                            .append(',')
                                            .append(domain)
                                            .append(',')
                                            .append(tenure)
                                            .append(',')
                                            .append(age)
                                            .append(',')
                                            .append(day)
                                            .append(',')
                                            .append(cells.responses(state))
                                            .append(',')
                                            .append(cells.sends(state))
                                            .append('\n');
                                    writer.append(row);
                                    rows++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }
}
