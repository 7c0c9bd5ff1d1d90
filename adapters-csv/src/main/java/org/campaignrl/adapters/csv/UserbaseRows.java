package org.campaignrl.adapters.csv;

import java.util.List;
import java.util.function.Consumer;
import org.campaignrl.domain.Binning;

/** Checks each userbase row and keeps the accepted customers' codes. */
final class UserbaseRows implements Consumer<Row> {
    static final String CUSTOMER_ID = "Customer_ID";
    static final String GENDER = "Gender";
    static final String TYPE = "Type";
    static final String EMAIL_ADDRESS = "Email_Address";
    static final String AGE = "Age";
    static final String TENURE = "Tenure";
    static final List<String> COLUMNS = List.of(CUSTOMER_ID, GENDER, TYPE, EMAIL_ADDRESS, AGE, TENURE);

    private final LogFile file;
    private final Customers customers;
    private final int customerId;
    private final int gender;
    private final int type;
    private final int emailAddress;
    private final int age;
    private final int tenure;

    UserbaseRows(LogFile file, Customers customers) {
        this.file = file;
        this.customers = customers;
        customerId = file.column(CUSTOMER_ID);
        gender = file.column(GENDER);
        type = file.column(TYPE);
        emailAddress = file.column(EMAIL_ADDRESS);
        age = file.column(AGE);
        tenure = file.column(TENURE);
    }

    @Override
    public void accept(Row row) {
        long id = Ints.parse(row.get(customerId));
        if (id == Ints.NOT_AN_INT) {
            row.reject(customerId, Reasons.NON_INTEGER_ID);
            return;
        }
        // The first row with an id decides, even when it is rejected: later ones are repeats.
        if (!customers.firstSighting((int) id)) {
            row.reject(customerId, Reasons.REPEATED_CUSTOMER_ID);
            return;
        }
        int genderCode = Binning.genderCode(row.get(gender));
        if (genderCode < 0) {
            row.reject(gender, Reasons.UNKNOWN_GENDER_CODE);
            return;
        }
        int typeCode = Binning.typeCode(row.get(type));
        if (typeCode < 0) {
            row.reject(type, Reasons.UNKNOWN_TYPE_CODE);
            return;
        }
        String domain = Binning.emailDomain(row.get(emailAddress));
        if (domain == null || domain.isEmpty()) {
            row.reject(emailAddress, Reasons.ADDRESS_WITHOUT_AT);
            return;
        }
        long years = Ints.parse(row.get(age));
        if (years == Ints.NOT_AN_INT) {
            row.reject(age, Reasons.NON_INTEGER_AGE);
            return;
        }
        if (years < 0) {
            row.reject(age, Reasons.NEGATIVE_AGE);
            return;
        }
        long tenureYears = Ints.parse(row.get(tenure));
        if (tenureYears == Ints.NOT_AN_INT) {
            row.reject(tenure, Reasons.NON_INTEGER_TENURE);
            return;
        }
        if (tenureYears < 0) {
            row.reject(tenure, Reasons.NEGATIVE_TENURE);
            return;
        }
        if (customers.isNewDomain(domain) && customers.domainCount() == CellCounter.MAX_DOMAINS) {
            throw file.refusal(row.line(), "more than " + CellCounter.MAX_DOMAINS
                    + " distinct email domains: the audience space would be too large");
        }
        customers.add((int) id, domain, Binning.tenureCode((int) tenureYears), Binning.ageCode((int) years),
                genderCode, typeCode);
    }
}
