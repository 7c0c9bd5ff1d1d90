package org.campaignrl.application;

/** A request that cannot be carried out as asked; names the field at fault. */
public class InvalidCommandException extends RuntimeException {
    private final String field;
    private final String problem;

    public InvalidCommandException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
