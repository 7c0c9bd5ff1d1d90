package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.within;

import java.util.List;
import org.campaignrl.application.model.Run;

/** The recent ingests and trainings, however they were started and however they ended. */
public interface RunsUseCase {

    /** Newest first. */
    List<Run> recentRuns(RecentRunsCommand query);

    record RecentRunsCommand(int limit) {
        public static final int MAX_LIMIT = 1_000;
        public static final int DEFAULT_LIMIT = 20;

        public RecentRunsCommand {
            within(limit, 1, MAX_LIMIT, "limit");
        }
    }
}
