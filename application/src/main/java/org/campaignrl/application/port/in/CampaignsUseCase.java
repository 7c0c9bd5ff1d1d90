package org.campaignrl.application.port.in;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;

/** The stored campaign plans: list, show, the send list, the readouts. */
public interface CampaignsUseCase {

    /** Every plan, newest first. */
    List<CampaignPlan> list();

    /**
     * One plan with its readouts.
     *
     * @throws org.campaignrl.application.NotFoundException when there is no such plan
     */
    CampaignDetails show(long planId);

    /**
     * Writes the plan's send list as CSV, streamed (flat memory however long the list): the header
     * {@value #SEND_LIST_HEADER}, then one row per customer to send to, ascending customer id — target, explore
     * and (when it gets the business-as-usual choice) control; a control that gets nothing is not on the list.
     * Dates ISO (yyyy-MM-dd), groups "target", "explore", "control", probabilities with 6 decimals. Email
     * addresses are personal data: who may call this is the caller's decision. Does not close {@code out}.
     *
     * @return the rows written (without the header)
     * @throws org.campaignrl.application.NotFoundException when there is no such plan
     * @throws IllegalStateException when the plan's dataset lacks a customer of the plan
     */
    long exportSendList(long planId, Writer out) throws IOException;

    /** The send list's header row. */
    String SEND_LIST_HEADER = "Customer_ID,Email_Address,SubjectLine_ID,Planned_Send_Date,Group,Predicted_Probability";

    /**
     * The plan's newest readout; empty when it was never read out.
     *
     * @throws org.campaignrl.application.NotFoundException when there is no such plan
     */
    Optional<CampaignReadout> readout(long planId);

    /** A plan and its readouts, oldest first. */
    record CampaignDetails(CampaignPlan plan, List<CampaignReadout> readouts) {
        public CampaignDetails {
            readouts = List.copyOf(readouts);
        }

        /** The newest readout, if any. */
        public Optional<CampaignReadout> latestReadout() {
            return readouts.isEmpty() ? Optional.empty() : Optional.of(readouts.get(readouts.size() - 1));
        }
    }
}
