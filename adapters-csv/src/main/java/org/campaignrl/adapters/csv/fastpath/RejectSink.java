package org.campaignrl.adapters.csv.fastpath;

/** Where rejected rows go: the report itself, or a part's buffer (see {@link RejectBuffer}). */
public interface RejectSink {
    void reject(String file, long line, String field, String reason, String value);
}
