package org.campaignrl.domain;

/**
 * The seven attributes of an audience cell, in the order of the state vector
 * {@code [subject_id, day, tenure, domain, age, gender, type]}.
 */
public enum Attribute {
    SUBJECT("Email Subject"),
    DAY("Day of Week"),
    TENURE("Tenure Group"),
    DOMAIN("Email Domain"),
    AGE("Age Group"),
    GENDER("Gender"),
    TYPE("Customer Type");

    public static final int COUNT = 7;
    private static final Attribute[] BY_POSITION = values();

    private final String displayName;

    Attribute(String displayName) {
        this.displayName = displayName;
    }

    /** Position in the state vector. */
    public int position() {
        return ordinal();
    }

    public String displayName() {
        return displayName;
    }

    public static Attribute atPosition(int position) {
        return BY_POSITION[position];
    }
}
