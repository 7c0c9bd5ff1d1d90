package org.campaignrl.application.model;

/**
 * The process a run belongs to: its host's name and its process id. Whether that process still
 * lives is what tells a run that is still going from one whose process died (killed, crashed).
 */
public record RunOwner(String host, long pid) {
    public static final int MAX_HOST_LENGTH = 255;

    public RunOwner {
        if (host == null || host.isBlank() || host.length() > MAX_HOST_LENGTH) {
            throw new IllegalArgumentException(
                    "a run's owner needs a host name of 1.." + MAX_HOST_LENGTH + " characters, not " + host);
        }
        if (pid <= 0) {
            throw new IllegalArgumentException("a process id is positive, not " + pid);
        }
    }

    /** "host:pid", as people read it. */
    @Override
    public String toString() {
        return host + ":" + pid;
    }
}
