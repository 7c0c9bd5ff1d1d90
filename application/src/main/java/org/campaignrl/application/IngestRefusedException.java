package org.campaignrl.application;

/**
 * An input file cannot be read at all (missing, unreadable, wrong header): the ingest stops and
 * nothing stored changes. {@code line} is 0 when the problem is not on one line.
 */
public class IngestRefusedException extends RuntimeException {
    private final String file;
    private final long line;

    public IngestRefusedException(String file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public IngestRefusedException(String file, long line, String reason, Throwable cause) {
        this(file, line, reason);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
