package org.campaignrl.data;

import java.nio.file.Path;

/**
 * Command line for {@link PlanAnswer}: {@code --send-list FILE --truth FILE --out DIR [--userbase FILE] [--seed S]};
 * the userbase defaults to the one beside the truth file. Prints what it wrote.
 */
public final class AnswerPlan {
    private AnswerPlan() {}

    public static void main(String[] args) throws Exception {
        Path sendList = null;
        Path truth = null;
        Path userbase = null;
        Path out = null;
        long seed = GeneratorSettings.DEFAULT_SEED;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--send-list" -> sendList = Path.of(value);
                case "--truth" -> truth = Path.of(value);
                case "--userbase" -> userbase = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (sendList == null || truth == null || out == null) {
            usage("--send-list, --truth and --out are required");
        }
        if (userbase == null) {
            userbase = truth.toAbsolutePath().resolveSibling(CampaignLogGenerator.USERBASE);
        }
        System.out.println(
                PlanAnswer.answer(sendList, truth, userbase, out, seed).summary(out));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: AnswerPlan --send-list FILE --truth FILE --out DIR [--userbase FILE] [--seed S]");
        System.exit(2);
    }
}
