package org.campaignrl.domain.estimators;

import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/**
 * The states of one subject line: the subject is the slowest-moving slot of the state index,
 * so they are the contiguous range [{@code start}, {@code end}).
 */
public record SubjectSpan(int start, int end) {

    public static SubjectSpan of(StateSpace space, int subjectCode) {
        int subjects = space.size(Attribute.SUBJECT);
        if (subjectCode < 0 || subjectCode >= subjects) {
            throw new IllegalArgumentException("subject code " + subjectCode + " is out of range 0.." + (subjects - 1));
        }
        int perSubject = space.size() / subjects;
        return new SubjectSpan(subjectCode * perSubject, (subjectCode + 1) * perSubject);
    }

    public int length() {
        return end - start;
    }
}
