package org.campaignrl.adapters.users;

import java.util.Arrays;
import java.util.Optional;

/** What a person signed in to the server may do: read, or read and change. */
public enum Role {
    /** Reads: audiences, next actions, the explorer, models, reports. */
    CAMPAIGN_MANAGER("campaign-manager", false),
    /** Reads, and ingests, trains, activates, rolls back, deletes and schedules. */
    ML_ENGINEER("ml-engineer", true);

    private final String label;
    private final boolean mayChange;

    Role(String label, boolean mayChange) {
        this.label = label;
        this.mayChange = mayChange;
    }

    /** The name in the users file and on the pages. */
    public String label() {
        return label;
    }

    public boolean mayChange() {
        return mayChange;
    }

    public static Optional<Role> labelled(String label) {
        return Arrays.stream(values()).filter(role -> role.label.equals(label)).findFirst();
    }
}
