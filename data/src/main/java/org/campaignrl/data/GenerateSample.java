package org.campaignrl.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line for the generator: {@code --out DIR [--customers N] [--seed S]}. Builds the bundled
 * sample (see data/README.md) and prints what it wrote and how long it took.
 */
public final class GenerateSample {
    private GenerateSample() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        int customers = GeneratorSettings.DEFAULT_CUSTOMERS;
        long seed = GeneratorSettings.DEFAULT_SEED;
        GeneratorSettings settings = null;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = require(i + 1 < args.length ? args[i + 1] : null, args[i]);
                switch (args[i]) {
                    case "--out" -> out = Path.of(value);
                    case "--customers" -> customers = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> usage("unknown argument " + args[i]);
                }
            }
            settings = new GeneratorSettings(customers, seed);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        if (out == null) {
            usage("--out is required");
        }
        long start = System.nanoTime();
        GenerationReport report = new CampaignLogGenerator(settings).writeTo(out, GenerationProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %d customers, %d sends (%.3f per customer), %d (customer, subject) pairs of which %d"
                        + " responded, %d response rows (1 per %.2f sends), responded-send rate %.4f"
                        + " (model expects %.4f), %.2f s%n",
                out,
                report.customers(),
                report.sends(),
                report.sendsPerCustomer(),
                report.pairs(),
                report.respondedPairs(),
                report.responseRows(),
                (double) report.sends() / report.responseRows(),
                report.respondedSendRate(),
                report.expectedRespondedSendRate(),
                seconds);
    }

    private static String require(String value, String option) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: GenerateSample --out DIR [--customers N] [--seed S]");
        System.exit(2);
    }
}
