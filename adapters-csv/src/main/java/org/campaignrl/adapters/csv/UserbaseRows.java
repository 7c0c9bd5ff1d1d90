package org.campaignrl.adapters.csv;

import java.nio.charset.StandardCharsets;
import org.campaignrl.adapters.csv.fastpath.LogFile;
import org.campaignrl.adapters.csv.fastpath.Row;
import org.campaignrl.adapters.csv.fastpath.RowHandler;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.logs.Reasons;
import org.campaignrl.domain.Binning;

/**
 * Checks each userbase row and keeps the accepted customers' codes. Reads the rows in file order (one
 * part), because the first row with an id decides and domains are numbered as they are first seen.
 */
final class UserbaseRows implements RowHandler {
    /** Binning's gender and type codes of each one-letter ASCII value, so that the code book stays Binning's. */
    private static final int[] GENDER_BY_LETTER = new int[128];

    private static final int[] TYPE_BY_LETTER = new int[128];
    /** Domains up to this many bytes are looked up through a reused key of their length. */
    private static final int REUSED_KEY_LENGTH = 256;

    static {
        for (char c = 0; c < 128; c++) {
            GENDER_BY_LETTER[c] = Binning.genderCode(String.valueOf(c));
            TYPE_BY_LETTER[c] = Binning.typeCode(String.valueOf(c));
        }
    }

    /** Userbase rows are some 40 bytes; a guess on the low side only costs the map one more doubling. */
    private static final int BYTES_PER_ROW_GUESS = 48;

    private static final int MAX_EXPECTED_CUSTOMERS = 1 << 24;

    private final Customers customers;
    private final AcceptedAddresses addresses;
    private final byte[][] keysByLength = new byte[REUSED_KEY_LENGTH + 1][];
    private final int customerId;
    private final int gender;
    private final int type;
    private final int emailAddress;
    private final int age;
    private final int tenure;

    UserbaseRows(LogFile file) {
        int expected = (int) Math.min(MAX_EXPECTED_CUSTOMERS, file.size() / BYTES_PER_ROW_GUESS);
        customers = new Customers(expected);
        addresses = new AcceptedAddresses(expected);
        customerId = file.column(LogColumns.CUSTOMER_ID);
        gender = file.column(LogColumns.GENDER);
        type = file.column(LogColumns.TYPE);
        emailAddress = file.column(LogColumns.EMAIL_ADDRESS);
        age = file.column(LogColumns.AGE);
        tenure = file.column(LogColumns.TENURE);
    }

    Customers customers() {
        return customers;
    }

    /** The accepted rows' ids and addresses, in file order. */
    AcceptedAddresses addresses() {
        return addresses;
    }

    @Override
    public void accept(Row row) {
        long id = row.integer(customerId);
        if (id == Ints.NOT_AN_INT) {
            row.reject(customerId, Reasons.NON_INTEGER_ID);
            return;
        }
        // The first row with an id decides, even when it is rejected: later ones are repeats.
        if (!customers.firstSighting((int) id)) {
            row.reject(customerId, Reasons.REPEATED_CUSTOMER_ID);
            return;
        }
        int genderCode = code(GENDER_BY_LETTER, row.letter(gender));
        if (genderCode < 0) {
            row.reject(gender, Reasons.UNKNOWN_GENDER_CODE);
            return;
        }
        int typeCode = code(TYPE_BY_LETTER, row.letter(type));
        if (typeCode < 0) {
            row.reject(type, Reasons.UNKNOWN_TYPE_CODE);
            return;
        }
        byte[] domain = domain(row);
        if (domain == null) {
            row.reject(emailAddress, Reasons.ADDRESS_WITHOUT_AT);
            return;
        }
        long years = row.integer(age);
        if (years == Ints.NOT_AN_INT) {
            row.reject(age, Reasons.NON_INTEGER_AGE);
            return;
        }
        if (years < 0) {
            row.reject(age, Reasons.NEGATIVE_AGE);
            return;
        }
        long tenureYears = row.integer(tenure);
        if (tenureYears == Ints.NOT_AN_INT) {
            row.reject(tenure, Reasons.NON_INTEGER_TENURE);
            return;
        }
        if (tenureYears < 0) {
            row.reject(tenure, Reasons.NEGATIVE_TENURE);
            return;
        }
        int domainId = customers.domainId(domain);
        if (domainId < 0) {
            if (customers.domainCount() == CellCounter.MAX_DOMAINS) {
                throw row.refuse("more than " + CellCounter.MAX_DOMAINS
                        + " distinct email domains: the audience space would be too large");
            }
            domainId = customers.addDomain(domain);
        }
        int codes = customers.add(
                (int) id,
                domainId,
                Binning.tenureCode((int) tenureYears),
                Binning.ageCode((int) years),
                genderCode,
                typeCode);
        addresses.add((int) id, codes, row.bytes(), row.start(emailAddress), row.end(emailAddress));
    }

    private static int code(int[] byLetter, int letter) {
        return letter < 0 ? -1 : byLetter[letter];
    }

    /**
     * The UTF-8 bytes of {@link Binning#emailDomain} of the address, or null where it answers null. An ASCII
     * domain is cut, trimmed and lower-cased here, into a reused key; any other goes through Binning itself.
     */
    private byte[] domain(Row row) {
        byte[] bytes = row.bytes();
        int start = row.start(emailAddress);
        int end = row.end(emailAddress);
        int at = end - 1;
        while (at >= start && bytes[at] != '@') {
            at--; // '@' is one byte in UTF-8 and no byte of another character, so this finds the last one
        }
        if (at < start) {
            return null;
        }
        int from = at + 1;
        int to = end;
        // String.trim() drops the characters up to U+0020: in UTF-8, exactly the bytes 0x00..0x20.
        while (from < to && (bytes[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (bytes[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        int length = to - from;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                String domain = Binning.emailDomain(row.text(emailAddress));
                return domain == null ? null : domain.getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[] key = length <= REUSED_KEY_LENGTH ? reusedKey(length) : new byte[length];
        for (int i = 0; i < length; i++) {
            byte b = bytes[from + i];
            key[i] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
        }
        return key;
    }

    private byte[] reusedKey(int length) {
        byte[] key = keysByLength[length];
        if (key == null) {
            key = new byte[length];
            keysByLength[length] = key;
        }
        return key;
    }
}
