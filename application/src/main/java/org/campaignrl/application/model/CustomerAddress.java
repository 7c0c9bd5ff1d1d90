package org.campaignrl.application.model;

/**
 * A customer's email address, for an export only. Personal data: {@link #toString} leaves the address out, so
 * that a log line or an exception message that prints the record does not carry it.
 */
public record CustomerAddress(int customerId, String emailAddress) {
    public CustomerAddress {
        if (emailAddress == null) {
            throw new IllegalArgumentException("an address is required for customer " + customerId);
        }
    }

    @Override
    public String toString() {
        return "CustomerAddress[customerId=" + customerId + ", emailAddress=(not shown)]";
    }
}
