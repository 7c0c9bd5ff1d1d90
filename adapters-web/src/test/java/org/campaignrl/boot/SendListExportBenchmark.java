package org.campaignrl.boot;

import java.io.InputStream;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.adapters.web.WebSettings;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;

/**
 * The send list over HTTP against the same list written straight from the use case, in one process, on one
 * database (an H2 file unless told otherwise): the yardstick is {@code CampaignsUseCase.exportSendList} into a writer that only counts; the measure is
 * {@code GET /api/v1/campaigns/{id}/send-list.csv} read by a client that only counts. Prints median times, their
 * ratio, and the live heap (what the collections leave, sampled every 5 ms) above its settled level while each list
 * went out, against the list's size: a list held whole would add at least its own size. Prints figures, asserts
 * nothing.
 *
 * <p>{@code java -cp … org.campaignrl.boot.SendListExportBenchmark LOGS_DIR WORK_DIR [BUDGET] [RUNS] [JDBC_URL]}
 * (default: an H2 file in WORK_DIR; a PostgreSQL URL should name an empty schema of its own): LOGS_DIR holds
 * the three logs (read only: the rejects report goes to WORK_DIR), e.g. {@code campaign-rl generate --customers
 * 500000 --seed 42}.
 */
public final class SendListExportBenchmark {
    private SendListExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path logs = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        long budget = args.length > 2 ? Long.parseLong(args[2]) : 400_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String url = args.length > 4 ? args[4] : Storage.defaultH2Url(work.resolve("db"));
        try (Storage storage = Storage.open(url)) {
            System.out.println("storage: " + storage.describe());
            CampaignRl app = TestWiring.wire(storage, Clock.systemUTC());
            long started = System.nanoTime();
            app.ingestLogs()
                    .ingest(
                            new IngestLogsCommand(
                                    logs.resolve("sent_emails.csv"),
                                    logs.resolve("responded.csv"),
                                    logs.resolve("userbase.csv"),
                                    work.resolve("rejected_rows.csv")),
                            ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "ingest (customers kept): %.1f s%n", seconds(started));
            int subject = app.servingStatus()
                    .status()
                    .latestDataset()
                    .orElseThrow()
                    .subjectIds()
                    .get(0);
            started = System.nanoTime();
            CampaignPlan plan = app.planCampaign()
                    .plan(PlanCampaignCommand.ofBudget(
                            subject, budget, PlanCampaignCommand.DEFAULT_SEED, LocalDate.of(2026, 12, 7)));
            System.out.printf(
                    Locale.ROOT,
                    "plan %d: %,d emails, %,d customers on the list, made and stored in %.2f s%n",
                    plan.id(),
                    budget,
                    plan.figures().customers(),
                    seconds(started));

            WebServer server = new WebServer(app, WebSettings.inTemporaryFolder()).start("127.0.0.1", 0);
            try {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                + "/api/v1/campaigns/" + plan.id() + "/send-list.csv"))
                        .build();
                double[] direct = new double[runs];
                double[] http = new double[runs];
                long characters = 0;
                long bytes = 0;
                long peakAbove = 0;
                long collections = 0;
                long settledDirect = 0;
                long peakAboveDirect = 0;
                for (int run = 0; run < runs; run++) {
                    CountingWriter counter = new CountingWriter();
                    settledDirect = settledHeap();
                    Sampler directSampler = Sampler.start();
                    started = System.nanoTime();
                    app.campaigns().exportSendList(plan.id(), counter);
                    direct[run] = seconds(started);
                    peakAboveDirect = Math.max(peakAboveDirect, directSampler.stop()[0] - settledDirect);
                    characters = counter.count;

                    long settled = settledHeap();
                    Sampler sampler = Sampler.start();
                    started = System.nanoTime();
                    HttpResponse<InputStream> response =
                            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    bytes = drain(response.body());
                    http[run] = seconds(started);
                    long[] seen = sampler.stop();
                    peakAbove = Math.max(peakAbove, seen[0] - settled);
                    collections += seen[1];
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the send list answered " + response.statusCode());
                    }
                }
                double yardstick = median(direct);
                double measured = median(http);
                System.out.printf(
                        Locale.ROOT,
                        "send list: %,d rows, %.1f MB%n",
                        plan.figures().customers() + 1,
                        bytes / 1e6);
                System.out.printf(
                        Locale.ROOT,
                        "exportSendList to a counting writer (yardstick): median %.3f s of %d "
                                + "(min %.3f, max %.3f), %,d characters%n",
                        yardstick,
                        runs,
                        min(direct),
                        max(direct),
                        characters);
                System.out.printf(
                        Locale.ROOT,
                        "GET …/send-list.csv over HTTP: median %.3f s of %d (min %.3f, max %.3f):"
                                + " %.2f × the yardstick%n",
                        measured,
                        runs,
                        min(http),
                        max(http),
                        measured / yardstick);
                System.out.printf(
                        Locale.ROOT,
                        "live heap (after each collection) above its settled %.1f MB: over HTTP "
                                + "peak %.1f MB (%.2f × the list's size; %d collections during the %d HTTP runs), straight "
                                + "from the use case peak %.1f MB%n",
                        settled(settledDirect),
                        peakAbove / 1e6,
                        (double) peakAbove / bytes,
                        collections,
                        runs,
                        peakAboveDirect / 1e6);
            } finally {
                server.stop();
            }
        }
    }

    private static double settled(long bytes) {
        return bytes / 1e6;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long drain(InputStream in) throws Exception {
        try (in) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
            return total;
        }
    }

    /** The live heap after full collections have settled it. */
    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return Sampler.liveHeap();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Counts what is written, keeps nothing. */
    private static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /**
     * The live heap while something runs: every 5 ms, the heap pools' usage after their latest collection (garbage
     * not yet collected does not count), summed; {@link #stop} answers the highest seen and how many collections
     * ran meanwhile (none: the figure says nothing).
     */
    private static final class Sampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final long collectionsBefore = collections();
        private final Thread thread;

        private Sampler() {
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            peak.accumulateAndGet(liveHeap(), Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
        }

        static Sampler start() {
            Sampler sampler = new Sampler();
            sampler.thread.start();
            return sampler;
        }

        /** The peak live heap, and the collections that ran meanwhile. */
        long[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return new long[] {Math.max(peak.get(), liveHeap()), collections() - collectionsBefore};
        }

        static long liveHeap() {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            return live;
        }

        static long collections() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                    .sum();
        }
    }
}
