package org.campaignrl.boot;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.campaignrl.adapters.cli.CliRuntime;
import org.campaignrl.adapters.serving.ServeSettings;
import org.campaignrl.adapters.web.Metrics;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.port.ProgressListener;

/**
 * The CLI's runtime over one in-memory storage that outlives each command (as a database file would), campaign
 * plans included ({@link TestWiring#withCampaigns}); generating and answering plans as {@link Wiring} does. For CLI
 * tests of what the database adapters do not keep yet.
 */
public final class MemoryRuntime implements CliRuntime {
    private final Wiring wiring;
    private final CampaignRl app = TestWiring.withCampaigns(new InMemoryStorage(), Clock.systemUTC());

    public MemoryRuntime(Path installFolder) {
        this.wiring = new Wiring(installFolder);
    }

    @Override
    public Session open(String jdbcUrl) {
        return new Session() {
            @Override
            public CampaignRl app() {
                return app;
            }

            @Override
            public String storage() {
                return "in-memory storage (nothing is kept)";
            }

            @Override
            public Metrics metrics() {
                return new Metrics();
            }

            @Override
            public boolean databaseIsNew() {
                return false;
            }

            @Override
            public void stop(String why) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String generate(Path outDir, Generation generation, ProgressListener progress) throws Exception {
        return wiring.generate(outDir, generation, progress);
    }

    @Override
    public String answerPlan(Path sendList, Path truth, Path userbase, Path outDir, long seed)
            throws Exception {
        return wiring.answerPlan(sendList, truth, userbase, outDir, seed);
    }

    @Override
    public Path bundledSampleDir() {
        return wiring.bundledSampleDir();
    }

    @Override
    public void serve(String jdbcUrl, ServeSettings settings, PrintWriter out, ProgressListener progress) {
        throw new UnsupportedOperationException("not served from memory");
    }
}
