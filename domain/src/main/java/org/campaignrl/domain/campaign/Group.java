package org.campaignrl.domain.campaign;

/** Which part of a plan a customer is in. The codes are stored: never reorder. */
public enum Group {
    /** Chosen by the ranking: the best audiences, from the top down. */
    TARGET,
    /** Chosen by Thompson sampling on uncertain audiences, so that the next model learns about them. */
    EXPLORE,
    /** Drawn at random from the eligible customers, to compare against. */
    CONTROL;

    private static final Group[] BY_CODE = values();

    /** The stored code: 0, 1, 2. */
    public byte code() {
        return (byte) ordinal();
    }

    public static Group ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no group has code " + code);
        }
        return BY_CODE[code];
    }

    /** "target", "explore", "control": as the send list writes it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
