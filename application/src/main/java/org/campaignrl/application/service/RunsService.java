package org.campaignrl.application.service;

import java.util.List;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.port.in.RunsUseCase;
import org.campaignrl.application.port.out.RunLog;

public final class RunsService implements RunsUseCase {
    private final RunLog runs;

    public RunsService(RunLog runs) {
        this.runs = runs;
    }

    @Override
    public List<Run> recentRuns(RecentRunsCommand query) {
        return runs.recent(query.limit());
    }
}
