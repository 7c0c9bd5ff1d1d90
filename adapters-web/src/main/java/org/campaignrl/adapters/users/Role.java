package org.campaignrl.adapters.users;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person signed in to the server may do: read (and plan campaigns), or read and change; and whether they
 * may export customers' email addresses (a campaign's send list).
 */
public enum Role {
    /**
     * Reads: audiences, next actions, the explorer, models, reports; plans campaigns and exports their send lists,
     * email addresses and all: sending the campaign is this role's work.
     */
    CAMPAIGN_MANAGER("campaign-manager", false, true),
    /**
     * Reads and plans, and ingests, trains, activates, rolls back, deletes and schedules; never exports email
     * addresses: models need the customers' profiles, not their addresses (personal data goes only where needed).
     */
    ML_ENGINEER("ml-engineer", true, false);

    private final String label;
    private final boolean mayChange;
    private final boolean mayExportAddresses;

    Role(String label, boolean mayChange, boolean mayExportAddresses) {
        this.label = label;
        this.mayChange = mayChange;
        this.mayExportAddresses = mayExportAddresses;
    }

    /** The name in the users file and on the pages. */
    public String label() {
        return label;
    }

    public boolean mayChange() {
        return mayChange;
    }

    /** Whether this role may download customers' email addresses (a campaign's send list). */
    public boolean mayExportAddresses() {
        return mayExportAddresses;
    }

    /** The roles that may export email addresses, for messages: "campaign-manager". */
    public static String exportingRoles() {
        return String.join(
                ", ",
                Arrays.stream(values())
                        .filter(Role::mayExportAddresses)
                        .map(Role::label)
                        .toList());
    }

    public static Optional<Role> labelled(String label) {
        return Arrays.stream(values()).filter(role -> role.label.equals(label)).findFirst();
    }
}
