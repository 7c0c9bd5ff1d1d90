package org.campaignrl.application.memory;

import org.campaignrl.application.contract.CampaignOutcomeReaderContract;
import org.campaignrl.application.port.out.CampaignOutcomeReader;

class SimpleOutcomeReaderTest extends CampaignOutcomeReaderContract {
    @Override
    protected CampaignOutcomeReader reader() {
        return new SimpleOutcomeReader();
    }
}
