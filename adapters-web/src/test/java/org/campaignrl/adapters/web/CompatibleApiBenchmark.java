package org.campaignrl.adapters.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.boot.TestWiring;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the two compatible endpoints do per request, the network and Javalin aside: the use case's answer from the
 * active snapshot and its JSON body, on a model trained with the defaults on generated logs of the full size
 * (500 000 customers; in memory, no database). Javalin then encodes the body as UTF-8, copies it to Jetty and
 * Jetty writes it: that part is in the load test (wrk), not here. {@code campaignAudience} is a repeated request:
 * the use case makes each subject's answer once per served model and the body written from it is kept, so this
 * measures finding them (making them, the first request of a model, measured 6.2 µs before they were kept).
 *
 * <p>Run (after {@code mvn -pl adapters-web -am test-compile}) with {@code ./bench --jmh}-style class path, or:
 * {@code java -cp adapters-web/target/test-classes:<its test class path> org.openjdk.jmh.Main CompatibleApiBenchmark}.
 * Scores are microseconds per request; setting up generates, ingests and trains first (some 15 s).
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompatibleApiBenchmark {
    /** The body the load test posts (see the bench script). */
    private static final String NEXT_ACTION_BODY = "{\"state\":[2,4,3,1,0,0,0],\"action\":2}";

    private static final int SUBJECT_ID = 2;

    @Param("500000")
    public int customers;

    private Path logs;
    private CompatibleApi api;

    @Setup
    public void setUp() throws IOException {
        logs = Files.createTempDirectory("compatible-api-bench");
        new CampaignLogGenerator(new GeneratorSettings(customers, GeneratorSettings.DEFAULT_SEED))
                .writeTo(logs, GenerationProgress.NONE);
        InMemoryStorage storage = new InMemoryStorage();
        CampaignRl app = TestWiring.wire(storage.datasets(), storage.models(), Clock.systemUTC());
        app.ingestLogs().ingest(IngestLogsCommand.inFolder(logs), ProgressListener.NONE);
        app.trainModel().train(TrainModelCommand.defaults(), ProgressListener.NONE);
        api = new CompatibleApi(app.nextAction(), app.campaignAudience(), WebServer.jsonMapper());
    }

    @TearDown
    public void deleteLogs() throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public CompatibleApi.Answer nextAction() throws IOException {
        return api.nextAction(NEXT_ACTION_BODY);
    }

    @Benchmark
    public CompatibleApi.Answer campaignAudience() throws IOException {
        return api.campaignAudience(SUBJECT_ID);
    }
}
