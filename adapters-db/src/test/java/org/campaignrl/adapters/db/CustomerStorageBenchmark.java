package org.campaignrl.adapters.db;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.domain.StateSpace;

/**
 * Figures for docs/campaigns.md ("Storing customers"); a main, not a test. Two modes:
 *
 * <ul>
 *   <li>{@code save CUSTOMERS REPEATS DIR}: saves the same full-size cells without and with {@code CUSTOMERS}
 *       customers shaped as the generator's (addresses of some 23 bytes), alternately, each into a new H2 file
 *       under {@code DIR} closed after the save (H2 compacts the file then); prints each save's time and the
 *       medians. The yardstick is the save without customers,
 *       measured in the same run.</li>
 *   <li>{@code export JDBC_URL [YARDSTICK_FILE]}: streams the addresses of the latest dataset as the send list
 *       would, into a byte counter; prints the time, the count, the JVM's peak heap in use and the process's peak
 *       resident memory (VmHWM), and the time of copying {@code YARDSTICK_FILE} (the userbase) into the same
 *       counter after it, as the yardstick. Run it in a small heap ({@code -Xmx32m}) to see it streams.</li>
 * </ul>
 */
public final class CustomerStorageBenchmark {
    private CustomerStorageBenchmark() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "save" -> save(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "export" -> export(args[1], args.length > 2 ? Path.of(args[2]) : null);
            default ->
                throw new IllegalArgumentException("save CUSTOMERS REPEATS DIR | export JDBC_URL [YARDSTICK_FILE]");
        }
    }

    private static void save(int customers, int repeats, Path dir) throws IOException {
        StateSpace space = TestData.fullSizeSpace();
        AggregatedLogs without = new AggregatedLogs(TestData.cells(space, 1), TestData.summary());
        AggregatedLogs with = without.withCustomers(generatorShaped(customers, space, 42));
        List<Long> plain = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        List<Long> plainCpu = new ArrayList<>();
        List<Long> keptCpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < repeats * 2 + 2; run++) {
            boolean withCustomers = run % 2 == 1;
            Path file = Files.createDirectories(dir.resolve("run-" + run));
            Storage storage = Storage.open(Storage.defaultH2Url(file));
            {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                storage.datasets().save(withCustomers ? with : without, Instant.EPOCH);
                // Closing is part of an ingest's cost: H2 compacts the file then, for up to 200 ms.
                storage.close();
                long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                long nanos = System.nanoTime() - start;
                // The first pair warms the JIT up and is not counted.
                if (run >= 2) {
                    (withCustomers ? kept : plain).add(nanos);
                    (withCustomers ? keptCpu : plainCpu).add(cpu);
                }
                System.out.printf(
                        Locale.ROOT,
                        "save and close, %s customers: %.1f ms (CPU of the saving thread %.1f ms)%n",
                        withCustomers ? customers : 0,
                        nanos / 1e6,
                        cpu / 1e6);
            }
        }
        double plainMs = median(plain) / 1e6;
        double keptMs = median(kept) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "median of %d: without customers %.1f ms, with %,d customers %.1f ms: " + "the customers add %.1f ms%n",
                repeats,
                plainMs,
                customers,
                keptMs,
                keptMs - plainMs);
        System.out.printf(
                Locale.ROOT,
                "CPU of the saving thread, median: without %.1f ms, with %.1f ms: the " + "customers add %.1f ms%n",
                median(plainCpu) / 1e6,
                median(keptCpu) / 1e6,
                (median(keptCpu) - median(plainCpu)) / 1e6);
    }

    private static void export(String url, Path yardstick) throws IOException {
        try (Storage storage = Storage.open(url)) {
            long id = storage.datasets().list().get(0).id();
            CountingStream sink = new CountingStream();
            long start = System.nanoTime();
            long count = 0;
            try (Stream<CustomerAddress> addresses = storage.datasets().addresses(id);
                    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8))) {
                for (var iterator = addresses.iterator(); iterator.hasNext(); ) {
                    CustomerAddress address = iterator.next();
                    out.write(Integer.toString(address.customerId()));
                    out.write(',');
                    out.write(address.emailAddress());
                    out.write('\n');
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long nanos = System.nanoTime() - start;
            System.out.printf(
                    Locale.ROOT,
                    "export of dataset %d from %s: %,d customers, %,d bytes in %.0f ms; "
                            + "peak heap in use %.1f MB (max heap %.0f MB), peak resident %s%n",
                    id,
                    storage.describe(),
                    count,
                    sink.bytes,
                    nanos / 1e6,
                    peakHeapBytes() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6,
                    peakResident());
            if (yardstick != null) {
                long copyStart = System.nanoTime();
                Files.copy(yardstick, new CountingStream());
                double copyMs = (System.nanoTime() - copyStart) / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "yardstick: copying %s (%,d bytes) took %.0f ms; the export took %.1f " + "times as long%n",
                        yardstick.getFileName(),
                        Files.size(yardstick),
                        copyMs,
                        nanos / 1e6 / copyMs);
            }
        }
    }

    /** Ids spread as the generator's, codes at random, addresses like "bperez158856@gmail.com". */
    static DatasetCustomers generatorShaped(int size, StateSpace space, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = {"bperez", "ddavis", "asmith", "jwong", "mgarcia", "tnguyen", "kbrown", "lmartin"};
        DatasetCustomers.Builder builder = DatasetCustomers.builder(size);
        int id = 100_000;
        int domains = space.domains().size();
        for (int i = 0; i < size; i++) {
            int domain = random.nextInt(domains);
            builder.add(
                    id,
                    random.nextInt(7),
                    domain,
                    random.nextInt(5),
                    random.nextInt(2),
                    random.nextInt(2),
                    names[random.nextInt(names.length)] + random.nextInt(1_000_000) + "@"
                            + space.domains().get(domain));
            id += 1 + random.nextInt(3);
        }
        return builder.build();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String peakResident() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring(6).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
