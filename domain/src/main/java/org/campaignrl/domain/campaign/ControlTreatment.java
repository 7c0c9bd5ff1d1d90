package org.campaignrl.domain.campaign;

/** What the control group gets, and so what the lift measures. */
public enum ControlTreatment {
    /**
     * The same subject line on the business-as-usual day (the plan's day, or the subject's best day overall), to
     * customers drawn at random: the lift is what choosing the audiences (and their days) adds over sending
     * this subject line to anyone.
     */
    BUSINESS_AS_USUAL,
    /** Nothing is sent: the lift is what the email itself adds. The control's rows in the send list are for the record only. */
    NOTHING
}
