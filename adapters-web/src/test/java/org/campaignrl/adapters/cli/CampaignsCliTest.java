package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.boot.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign loop through the CLI, in process, over an H2 file database, each command opening it anew:
 * generate → ingest → plan → campaigns export → answer-plan → ingest → campaigns readout.
 */
class CampaignsCliTest {
    @TempDir
    Path folder;

    /** A command; those that open the database get this test's. */
    private CliRun run(String... args) {
        if (List.of("generate", "answer-plan").contains(args[0])) {
            return CliRun.in(folder, args);
        }
        String[] withDb = java.util.Arrays.copyOf(args, args.length + 1);
        withDb[args.length] =
                "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();
        return CliRun.in(folder, withDb);
    }

    @Test
    void plan_export_answer_ingest_and_read_out() throws Exception {
        Path logs = folder.resolve("logs");
        assertEquals(
                0,
                run("generate", "--out", logs.toString(), "--customers", "3000", "--seed", "5")
                        .exitCode());
        CliRun ingest = run("ingest", "--data-dir", logs.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());

        CliRun none = run("campaigns", "list");
        assertTrue(none.out().contains("No campaign planned yet"), none.out());

        CliRun preview = run("plan", "--subject", "2", "--budget", "300", "--start-date", "2026-12-07", "--preview");
        assertEquals(0, preview.exitCode(), preview.err());
        assertTrue(preview.out().startsWith("Preview (not stored)"), preview.out());

        CliRun plan = run("plan", "--subject", "2", "--budget", "300", "--start-date", "2026-12-07", "--seed", "3");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().startsWith("Plan 1: subject 2, 300 emails"), plan.out());
        assertTrue(plan.out().contains("SEGMENT_SHRUNK") && plan.out().contains("target + explore"), plan.out());
        assertTrue(run("campaigns", "list").out().startsWith("Plan 1 "), "the stored plan is listed");
        assertTrue(run("campaigns", "readout", "1").out().contains("no readout yet"));

        Path sendList = folder.resolve("send-list.csv");
        CliRun export = run("campaigns", "export", "1", "--out", sendList.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertFalse(export.out().contains("@"), "no email address on the terminal: " + export.out());
        List<String> rows = Files.readAllLines(sendList);
        assertEquals(CampaignsUseCase.SEND_LIST_HEADER, rows.get(0));
        assertTrue(export.out().startsWith(String.format("%,d customers of plan 1", rows.size() - 1)), export.out());

        Path answered = folder.resolve("answered");
        CliRun simulate = run(
                "answer-plan",
                "--send-list",
                sendList.toString(),
                "--truth",
                logs.resolve("truth.json").toString(),
                "--out",
                answered.toString(),
                "--seed",
                "8");
        assertEquals(0, simulate.exitCode(), simulate.err());
        assertTrue(simulate.out().contains("sends answered with"), simulate.out());

        CliRun second = run("ingest", "--data-dir", answered.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("Campaign plan 1: read out ('campaigns readout 1')"), second.out());

        CliRun readout = run("campaigns", "readout", "1");
        assertEquals(0, readout.exitCode(), readout.err());
        assertTrue(readout.out().startsWith("Plan 1, read out from dataset 2"), readout.out());
        assertTrue(
                readout.out().contains("target")
                        && readout.out().contains("control")
                        && readout.out().contains("lift "),
                readout.out());
        CliRun show = run("campaigns", "show", "1");
        assertTrue(show.out().startsWith("Plan 1: ") && show.out().contains("read out from dataset 2"), show.out());
    }

    @Test
    void refusals_name_the_option_and_exit_non_zero_with_one_line() throws Exception {
        Path logs = folder.resolve("logs");
        assertEquals(
                0,
                run("generate", "--out", logs.toString(), "--customers", "2000", "--seed", "5")
                        .exitCode());
        assertEquals(0, run("ingest", "--data-dir", logs.toString()).exitCode());

        for (String[] args : List.of(
                new String[] {"plan", "--subject", "2", "--budget", "100000000"},
                new String[] {"plan", "--subject", "999", "--budget", "100"},
                new String[] {"plan", "--subject", "2", "--budget", "100", "--explore-share", "-0.1"},
                new String[] {"plan", "--subject", "2", "--budget", "100", "--control-share", "1"},
                new String[] {"plan", "--subject", "2", "--budget", "100", "--day", "caturday"},
                new String[] {"campaigns", "show", "7"},
                new String[] {
                    "campaigns", "export", "7", "--out", folder.resolve("x.csv").toString()
                })) {
            CliRun refused = run(args);
            assertEquals(1, refused.exitCode(), String.join(" ", args) + ": " + refused.out());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("campaign-rl: "), refused.err());
        }
        assertTrue(run("plan", "--subject", "2", "--budget", "100000000").err().contains("--budget"));
        assertTrue(run("plan", "--subject", "999", "--budget", "100").err().contains("--subject"));
        assertTrue(run("plan", "--subject", "2", "--budget", "100", "--control-share", "1")
                .err()
                .contains("--control-share"));
        assertFalse(Files.exists(folder.resolve("x.csv")), "an unknown plan leaves no file");
        assertEquals(2, run("plan", "--subject", "2").exitCode(), "a budget or a threshold is required");
        assertEquals(
                2,
                run("plan", "--subject", "2", "--budget", "5", "--threshold", "0.3")
                        .exitCode());
    }
}
