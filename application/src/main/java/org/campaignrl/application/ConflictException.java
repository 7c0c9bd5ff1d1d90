package org.campaignrl.application;

/**
 * A well-formed request that the stored state does not allow: deleting the model being served,
 * rolling back when no model was active before. Retrying the same request will not help.
 */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
