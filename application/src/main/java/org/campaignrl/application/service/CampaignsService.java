package org.campaignrl.application.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Group;

/**
 * The stored plans. The send list joins the plan's assignments and its dataset's addresses, both streamed in
 * customer-id order, in one merge pass: one row in memory at a time.
 */
public final class CampaignsService implements CampaignsUseCase {
    private final CampaignRepository campaigns;
    private final DatasetRepository datasets;

    public CampaignsService(CampaignRepository campaigns, DatasetRepository datasets) {
        this.campaigns = campaigns;
        this.datasets = datasets;
    }

    @Override
    public List<CampaignPlan> list() {
        return campaigns.list();
    }

    @Override
    public CampaignDetails show(long planId) {
        return new CampaignDetails(plan(planId), campaigns.readouts(planId));
    }

    @Override
    public Optional<CampaignReadout> readout(long planId) {
        return show(planId).latestReadout();
    }

    @Override
    public long exportSendList(long planId, Writer target) throws IOException {
        CampaignPlan plan = plan(planId);
        // Buffered here, flushed at the end and not closed: the caller's writer may be a response's.
        BufferedWriter out = new BufferedWriter(target, 1 << 16);
        boolean controlSent = plan.settings().control() == ControlTreatment.BUSINESS_AS_USUAL;
        String subject = Integer.toString(plan.settings().subjectId());
        out.write(SEND_LIST_HEADER);
        out.write('\n');
        long rows = 0;
        try (Stream<Assignment> assignments = campaigns.assignments(planId);
                Stream<CustomerAddress> addresses = datasets.addresses(plan.datasetId())) {
            Iterator<CustomerAddress> address = addresses.iterator();
            CustomerAddress current = null;
            Iterator<Assignment> assigned = assignments.iterator();
            while (assigned.hasNext()) {
                Assignment assignment = assigned.next();
                if (assignment.group() == Group.CONTROL && !controlSent) {
                    continue;
                }
                while ((current == null || current.customerId() < assignment.customerId()) && address.hasNext()) {
                    current = address.next();
                }
                if (current == null || current.customerId() != assignment.customerId()) {
                    // No address in the message: the id is enough to look into it.
                    throw new IllegalStateException("dataset " + plan.datasetId() + " has no address for customer "
                            + assignment.customerId() + " of plan " + planId);
                }
                out.write(Integer.toString(assignment.customerId()));
                out.write(',');
                out.write(csvField(current.emailAddress()));
                out.write(',');
                out.write(subject);
                out.write(',');
                out.write(assignment.sendDate().toString());
                out.write(',');
                out.write(assignment.group().label());
                out.write(',');
                out.write(sixDecimals(assignment.probability()));
                out.write('\n');
                rows++;
            }
        }
        out.flush();
        return rows;
    }

    /** A probability (0..1) with six decimals, "0.012345": String.format's cost per row was not worth it. */
    static String sixDecimals(double probability) {
        long micros = Math.round(probability * 1_000_000);
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return (micros / 1_000_000) + "." + fraction;
    }

    /** Quotes a field that holds a comma, a quote or a line break (RFC 4180). */
    static String csvField(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    private CampaignPlan plan(long planId) {
        return campaigns.find(planId).orElseThrow(() -> new NotFoundException("no campaign plan " + planId));
    }
}
