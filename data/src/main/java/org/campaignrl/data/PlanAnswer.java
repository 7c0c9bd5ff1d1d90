package org.campaignrl.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * Answers a campaign plan on planted data: given a send list (the CSV a plan exports: Customer_ID,
 * SubjectLine_ID, Planned_Send_Date, … by header name) and the generated logs' {@code truth.json} and
 * {@code userbase.csv}, writes the logs that sending it would bring back: {@code sent_emails.csv} with one send per
 * row on its planned date, {@code responded.csv} with a response for each send answered, and the same
 * {@code userbase.csv}. A send is answered with its cell's true probability (subject, the date's weekday, the
 * customer's profile), 0–{@value CampaignLogGenerator#MAX_RESPONSE_DELAY_DAYS} days after it, all drawn in the send
 * list's order from one {@link SplittableRandom} seeded with {@code seed}: the same inputs give the same files.
 * Memory: the userbase's profiles (9 bytes a customer); the send list streams.
 */
public final class PlanAnswer {
    private PlanAnswer() {}

    /** What was written: sends, responses, and the responses the truth expects (Σ p). */
    public record Report(long sends, long responses, double expectedResponses) {
        public String summary(Path out) {
            return String.format(
                    Locale.ROOT,
                    "%s: %,d sends answered with %,d responses (the truth expects %.1f)",
                    out,
                    sends,
                    responses,
                    expectedResponses);
        }
    }

    /**
     * @param userbase the generated userbase the plan's customers come from; copied to {@code outDir}
     * @throws IllegalArgumentException naming the file, line and field of a send-list row that cannot be answered
     *                                  (unknown customer, subject or date)
     */
    public static Report answer(Path sendList, Path truthJson, Path userbase, Path outDir, long seed)
            throws IOException {
        StateSpace space = TruthFile.space(truthJson);
        double[] truth = TruthFile.probabilities(truthJson, space);
        CustomerProfiles customers = readUserbase(userbase, space);
        Files.createDirectories(outDir);
        SplittableRandom random = new SplittableRandom(seed);
        long[] counts = new long[2]; // sends, responses
        double[] expected = new double[1];
        try (RowSink sent = RowSink.inOrder(
                        outDir.resolve(CampaignLogGenerator.SENT_EMAILS), "Sent_Date,Customer_ID,SubjectLine_ID");
                RowSink responded = RowSink.inOrder(
                        outDir.resolve(CampaignLogGenerator.RESPONDED), "Responded_Date,Customer_ID,SubjectLine_ID")) {
            forEachRow(sendList, List.of("Customer_ID", "SubjectLine_ID", "Planned_Send_Date"), (row, lineNumber) -> {
                int customerId = intField(row[0], "Customer_ID", sendList, lineNumber);
                int subjectId = intField(row[1], "SubjectLine_ID", sendList, lineNumber);
                LocalDate date = dateField(row[2], sendList, lineNumber);
                int position = customers.positionOf(customerId);
                if (position < 0) {
                    throw rowError(
                            sendList, lineNumber, "Customer_ID", "customer " + customerId + " is not in " + userbase);
                }
                int subjectCode = space.subjectCode(subjectId);
                if (subjectCode < 0) {
                    throw rowError(
                            sendList,
                            lineNumber,
                            "SubjectLine_ID",
                            "subject line " + subjectId + " is not in " + truthJson);
                }
                int state = space.indexOfCodes(
                        subjectCode,
                        Binning.dayCode(date),
                        customers.code(position, Attribute.TENURE),
                        customers.code(position, Attribute.DOMAIN),
                        customers.code(position, Attribute.AGE),
                        customers.code(position, Attribute.GENDER),
                        customers.code(position, Attribute.TYPE));
                double p = truth[state];
                String ids = "," + customerId + "," + subjectId;
                sent.row(date + ids);
                counts[0]++;
                expected[0] += p;
                if (random.nextDouble() < p) {
                    responded.row(
                            date.plusDays(random.nextInt(CampaignLogGenerator.MAX_RESPONSE_DELAY_DAYS + 1)) + ids);
                    counts[1]++;
                }
            });
        }
        Path userbaseCopy = outDir.resolve(CampaignLogGenerator.USERBASE);
        if (!Files.exists(userbaseCopy) || !Files.isSameFile(userbase, userbaseCopy)) {
            Files.copy(userbase, userbaseCopy, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Report(counts[0], counts[1], expected[0]);
    }

    /** The generator's userbase layout: Customer_ID,Gender,Type,Email_Address,Age,Tenure. */
    static CustomerProfiles readUserbase(Path userbase, StateSpace space) throws IOException {
        CustomerProfiles.Builder builder = CustomerProfiles.builder(1 << 16);
        forEachRow(
                userbase,
                List.of("Customer_ID", "Gender", "Type", "Email_Address", "Age", "Tenure"),
                (row, lineNumber) -> {
                    String domainName = Binning.emailDomain(row[3]);
                    int domain = domainName == null ? -1 : space.domainCode(domainName);
                    builder.add(
                            intField(row[0], "Customer_ID", userbase, lineNumber),
                            Binning.tenureCode(intField(row[5], "Tenure", userbase, lineNumber)),
                            known(domain, userbase, lineNumber, "Email_Address"),
                            Binning.ageCode(intField(row[4], "Age", userbase, lineNumber)),
                            known(Binning.genderCode(row[1]), userbase, lineNumber, "Gender"),
                            known(Binning.typeCode(row[2]), userbase, lineNumber, "Type"));
                });
        return builder.build();
    }

    @FunctionalInterface
    private interface RowHandler {
        /** @param fields the row's fields of the columns asked for, in that order */
        void row(String[] fields, long lineNumber) throws IOException;
    }

    /** Reads a CSV file with a header, handing each non-blank row's fields of the named columns over. */
    private static void forEachRow(Path file, List<String> columns, RowHandler handler) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty, no header");
            }
            List<String> names = Arrays.asList(fields(header));
            int[] at =
                    columns.stream().mapToInt(name -> column(names, name, file)).toArray();
            String line;
            long lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] row = fields(line);
                if (row.length != names.size()) {
                    throw rowError(
                            file, lineNumber, columns.get(0), row.length + " fields, the header has " + names.size());
                }
                String[] picked = new String[at.length];
                for (int i = 0; i < at.length; i++) {
                    picked[i] = row[at[i]];
                }
                handler.row(picked, lineNumber);
            }
        }
    }

    /** Splits a CSV line, with RFC 4180 quotes (a send list quotes an address that holds a comma). */
    static String[] fields(String line) {
        if (line.indexOf('"') < 0) {
            return line.strip().split(",", -1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields.toArray(String[]::new);
    }

    private static int known(int code, Path file, long line, String field) {
        if (code < 0) {
            throw rowError(file, line, field, "a value the truth does not know");
        }
        return code;
    }

    private static int column(List<String> names, String name, Path file) {
        int column = names.indexOf(name);
        if (column < 0) {
            throw new IllegalArgumentException(file + ": line 1: no " + name + " column in the header");
        }
        return column;
    }

    private static int intField(String value, String name, Path file, long line) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw rowError(file, line, name, "not a whole number");
        }
    }

    private static LocalDate dateField(String value, Path file, long line) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw rowError(file, line, "Planned_Send_Date", "not a date yyyy-MM-dd");
        }
    }

    private static IllegalArgumentException rowError(Path file, long line, String field, String problem) {
        return new IllegalArgumentException(file + ": line " + line + ": " + field + ": " + problem);
    }
}
