package org.campaignrl.application.logs;

/** Why a row was rejected: the keys of {@code FileSummary.rejectedByReason} and of the rejects report. */
public final class Reasons {
    public static final String BAD_DATE = "bad date";
    public static final String NON_INTEGER_ID = "non-integer id";
    public static final String UNKNOWN_GENDER_CODE = "unknown gender code";
    public static final String UNKNOWN_TYPE_CODE = "unknown type code";
    public static final String NEGATIVE_AGE = "negative age";
    public static final String NEGATIVE_TENURE = "negative tenure";
    public static final String NON_INTEGER_AGE = "non-integer age";
    public static final String NON_INTEGER_TENURE = "non-integer tenure";
    public static final String ADDRESS_WITHOUT_AT = "address without '@'";
    public static final String CUSTOMER_NOT_IN_USERBASE = "customer not in userbase";
    public static final String REPEATED_CUSTOMER_ID = "repeated Customer_ID";
    public static final String WRONG_COLUMN_COUNT = "wrong column count";
    /** A row beyond the line limit, {@code CsvFormat.maxLineBytes}: never held whole, so never read further. */
    public static final String LINE_TOO_LONG = "line too long";
    /** A byte that is no UTF-8 in a file read as UTF-8: the encoding detected from its first bytes, or given. */
    public static final String NOT_UTF8 = "not UTF-8";

    private Reasons() {}
}
