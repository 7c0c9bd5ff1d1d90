package org.campaignrl.domain;

/**
 * The seven moves: each advances one attribute to its next value, wrapping around.
 * Codes 0..6 are the ones existing clients send.
 */
public enum Action {
    NEXT_DAY(Attribute.DAY),
    NEXT_TENURE(Attribute.TENURE),
    NEXT_DOMAIN(Attribute.DOMAIN),
    NEXT_AGE(Attribute.AGE),
    NEXT_GENDER(Attribute.GENDER),
    NEXT_TYPE(Attribute.TYPE),
    NEXT_SUBJECT(Attribute.SUBJECT);

    public static final int COUNT = 7;
    private static final Action[] BY_CODE = values();

    private final Attribute attribute;

    Action(Attribute attribute) {
        this.attribute = attribute;
    }

    public int code() {
        return ordinal();
    }

    /** The attribute this action moves. */
    public Attribute attribute() {
        return attribute;
    }

    public static Action ofCode(int code) {
        if (code < 0 || code >= COUNT) {
            throw new IllegalArgumentException("action " + code + " is out of range 0.." + (COUNT - 1));
        }
        return BY_CODE[code];
    }
}
