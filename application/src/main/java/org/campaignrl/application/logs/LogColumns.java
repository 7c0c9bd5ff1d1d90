package org.campaignrl.application.logs;

import java.util.List;
import java.util.Optional;

/**
 * The columns each of the three logs must have, by the names the exports use: what every ingest engine checks
 * a header against and names a rejected field by. Other columns may be present and are ignored.
 */
public final class LogColumns {
    public static final String CUSTOMER_ID = "Customer_ID";
    public static final String SUBJECT_LINE_ID = "SubjectLine_ID";

    public static final String GENDER = "Gender";
    public static final String TYPE = "Type";
    public static final String EMAIL_ADDRESS = "Email_Address";
    public static final String AGE = "Age";
    public static final String TENURE = "Tenure";
    public static final String RESPONDED_DATE = "Responded_Date";
    public static final String SENT_DATE = "Sent_Date";

    /** userbase.csv: who the customers are. */
    public static final List<String> USERBASE = List.of(CUSTOMER_ID, GENDER, TYPE, EMAIL_ADDRESS, AGE, TENURE);
    /** responded.csv: who responded to which subject line. */
    public static final List<String> RESPONDED = List.of(RESPONDED_DATE, CUSTOMER_ID, SUBJECT_LINE_ID);
    /** sent_emails.csv: who was sent which subject line when. */
    public static final List<String> SENT = List.of(SENT_DATE, CUSTOMER_ID, SUBJECT_LINE_ID);

    /** How a refusal of a file with a row beyond the line limit ({@code CsvFormat.maxLineBytes}) says what to do. */
    public static final String RAISE_THE_LIMIT =
            " (raise it with ingest --max-line-bytes, or maxLineBytes in " + "the API and on the Data page)";

    private LogColumns() {}

    /** Why a file's header is refused: at {@code line} 0 when there is no header at all, else at line 1. */
    public record HeaderProblem(long line, String reason) {}

    /**
     * What is wrong with a header, its names unquoted and trimmed: nothing but empty names (an empty file), a
     * required column missing, or a required column more than once; empty when it is fine.
     */
    public static Optional<HeaderProblem> problem(List<String> header, List<String> required) {
        if (header.stream().allMatch(String::isEmpty)) {
            return Optional.of(new HeaderProblem(0, "the file is empty or has no header row"));
        }
        for (String column : required) {
            long times = header.stream().filter(column::equals).count();
            if (times == 0) {
                return Optional.of(new HeaderProblem(
                        1,
                        "the header has no column '" + column
                                + "' (required: " + required + "; it has " + header.size() + " columns; "
                                + FileFormat.NOT_QUOTED + ")"));
            }
            if (times > 1) {
                return Optional.of(new HeaderProblem(1, "the header has column '" + column + "' " + times + " times"));
            }
        }
        return Optional.empty();
    }
}
