package org.campaignrl.application;

/** Something asked for by id or name does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
