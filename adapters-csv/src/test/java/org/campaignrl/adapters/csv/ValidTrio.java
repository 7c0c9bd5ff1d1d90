package org.campaignrl.adapters.csv;

/**
 * Three small valid logs: the trio each file of the bad-input corpus takes its place in (BadInputCorpusTest here,
 * the Spark adapter's SparkAndCsvAgreeTest through this module's test-jar).
 */
public final class ValidTrio {
    public static final String USERBASE = "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n"
            + "1,F,C,ann@gmail.com,30,12\n"
            + "2,M,B,bob@yahoo.com,19,3\n"
            + "3,F,B,cy@gmail.com,45,31\n";
    public static final String RESPONDED =
            "Responded_Date,Customer_ID,SubjectLine_ID\n" + "2016-01-05,1,1\n" + "2016-01-06,2,2\n";
    public static final String SENT =
            "Sent_Date,Customer_ID,SubjectLine_ID\n" + "2016-01-04,1,1\n" + "2016-01-05,2,2\n" + "2016-01-06,3,1\n";

    private ValidTrio() {}
}
