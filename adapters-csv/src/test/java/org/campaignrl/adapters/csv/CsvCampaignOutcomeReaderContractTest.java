package org.campaignrl.adapters.csv;

import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.application.contract.CampaignOutcomeReaderContract;
import org.campaignrl.application.port.out.CampaignOutcomeReader;
import org.junit.jupiter.api.Nested;

/** The outcome reader's contract (application's test-jar) on the CSV reader, as it runs and cut into tiny parts. */
class CsvCampaignOutcomeReaderContractTest extends CampaignOutcomeReaderContract {
    @Override
    protected CampaignOutcomeReader reader() {
        return new CsvCampaignOutcomeReader();
    }

    @Nested
    class InTinyParts extends CampaignOutcomeReaderContract {
        @Override
        protected CampaignOutcomeReader reader() {
            return new CsvCampaignOutcomeReader(new PartedReader.Settings(5, 1, 16));
        }
    }
}
