package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.boot.CliRun;
import org.campaignrl.boot.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end, in process, over an H2 file database: generate → ingest → export → train → ask. */
class CliTest {
    @TempDir
    Path folder;

    @Test
    void the_whole_path_from_generated_logs_to_answers() throws Exception {
        Path logs = folder.resolve("logs");
        String db = "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();

        assertEquals(
                0,
                run("generate", "--out", logs.toString(), "--customers", "3000", "--seed", "5")
                        .exitCode());
        CliRun ingest = run("ingest", "--data-dir", logs.toString(), db);
        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.out().contains("Dataset 1 stored"), ingest.out());
        assertTrue(Files.exists(logs.resolve("rejected_rows.csv")));

        Path exported = folder.resolve("cells.csv");
        assertEquals(0, run("export-cells", "--out", exported.toString(), db).exitCode());
        List<String> lines = Files.readAllLines(exported);
        assertEquals(
                "SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,Response_Received,Sent_Emails",
                lines.get(0));
        long sends = lines.stream()
                .skip(1)
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(',') + 1)))
                .sum();
        assertTrue(ingest.out().contains(String.format(java.util.Locale.ROOT, "%,d sends", sends)), ingest.out());

        CliRun train = run("train", "--episodes", "3000", "--seed", "9", db);
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("Model 1 trained on dataset 1"), train.out());

        CliRun next = run("next-action", "--state", "2,4,3,1,0,0,0", "--action", "2", db);
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().startsWith("next_action "), next.out());

        CliRun audience = run("audience", "--subject", "2", db);
        assertEquals(0, audience.exitCode(), audience.err());
        assertTrue(audience.out().startsWith("Email Subject 2 (model 1)"), audience.out());

        CliRun second = run("train", "--episodes", "100", "--no-activate", db);
        assertTrue(
                second.out().contains("Model 2 trained on dataset 1")
                        && second.out().contains("not activated"),
                second.out());
        CliRun status = run("status", db);
        assertTrue(status.out().contains("Model 1 (active)") && status.out().contains("Model 2:"), status.out());
    }

    @Test
    void failures_exit_non_zero_with_one_line_reason() {
        String db = "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();

        CliRun missing = run("ingest", "--data-dir", folder.resolve("nowhere").toString(), db);
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("campaign-rl: ") && missing.err().contains("userbase.csv"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        CliRun noData = run("train", db);
        assertEquals(1, noData.exitCode());
        assertTrue(noData.err().contains("ingest campaign logs first"), noData.err());

        CliRun badOption = run("train", "--episodes", "0", db);
        assertEquals(1, badOption.exitCode());
        assertTrue(badOption.err().contains("episodes"), badOption.err());

        assertEquals(2, run("train", "--episodes", "many", db).exitCode());
        assertEquals(2, run("no-such-command").exitCode());
    }

    @Test
    void generate_takes_the_real_shaped_preset_and_overrides_of_it() throws Exception {
        Path logs = folder.resolve("real");
        CliRun real = run(
                "generate",
                "--out",
                logs.toString(),
                "--preset",
                "real-shaped",
                "--customers",
                "4000",
                "--responders",
                "0.5",
                "--seed",
                "3");
        assertEquals(0, real.exitCode(), real.err());
        assertTrue(real.out().contains("random order"), real.out());
        assertEquals(4001, Files.readAllLines(logs.resolve("userbase.csv")).size());
        String truth = Files.readString(logs.resolve("truth.json"));
        assertTrue(
                truth.contains("\"order\": \"random\"") && truth.contains("\"responderShare\": 0.5"),
                truth.lines().skip(1).findFirst().orElse(""));

        CliRun grouped = run(
                "generate",
                "--out",
                folder.resolve("grouped").toString(),
                "--customers",
                "2000",
                "--order",
                "grouped",
                "--sends-per-customer",
                "3",
                "--responses-per-responder",
                "4");
        assertEquals(0, grouped.exitCode(), grouped.err());
        assertTrue(grouped.out().contains("grouped order"), grouped.out());

        CliRun badPreset = run("generate", "--out", folder.resolve("x").toString(), "--preset", "huge");
        assertEquals(2, badPreset.exitCode());
        assertTrue(badPreset.err().contains("generator or real-shaped"), badPreset.err());
        CliRun unreachable = run(
                "generate",
                "--out",
                folder.resolve("y").toString(),
                "--sends-per-customer",
                "0.1",
                "--responders",
                "0.5");
        assertEquals(1, unreachable.exitCode());
        assertTrue(
                unreachable.err().startsWith("campaign-rl: a share of responders of 0.5 needs more sends"),
                unreachable.err());
        CliRun badOrder = run("generate", "--out", folder.resolve("z").toString(), "--order", "sorted");
        assertEquals(1, badOrder.exitCode());
        assertTrue(badOrder.err().contains("grouped or random"), badOrder.err());
    }

    @Test
    void a_database_that_cannot_be_opened_is_named_in_one_line_even_by_work_that_began_without_it() {
        Path logs = folder.resolve("logs");
        assertEquals(
                0,
                run("generate", "--out", logs.toString(), "--customers", "3000", "--seed", "5")
                        .exitCode());
        // Nothing listens on port 9: the ingest reads the logs while the database fails to open.
        String unreachable = "--db=jdbc:postgresql://127.0.0.1:9/nowhere?user=nobody";

        for (CliRun failed : List.of(
                run("ingest", "--data-dir", logs.toString(), unreachable),
                run("status", unreachable),
                run("train", unreachable))) {
            assertEquals(1, failed.exitCode(), failed.err());
            assertTrue(
                    failed.err().startsWith("campaign-rl: cannot open PostgreSQL 127.0.0.1:9/nowhere"), failed.err());
            assertEquals(1, failed.err().strip().lines().count(), failed.err());
        }
    }

    @Test
    void answer_plan_writes_the_logs_a_send_list_brings_back() throws Exception {
        Path logs = folder.resolve("logs");
        assertEquals(
                0,
                run("generate", "--out", logs.toString(), "--customers", "2000", "--seed", "5")
                        .exitCode());
        String customer =
                Files.readAllLines(logs.resolve("userbase.csv")).get(1).split(",")[0];
        Path sendList = folder.resolve("send-list.csv");
        Files.write(
                sendList,
                List.of(
                        "Customer_ID,Email_Address,SubjectLine_ID,Planned_Send_Date,Group,Predicted_Probability",
                        customer + ",someone@gmail.com,2,2016-04-09,target,0.500000"));
        Path answered = folder.resolve("answered");
        CliRun answer = run(
                "answer-plan",
                "--send-list",
                sendList.toString(),
                "--truth",
                logs.resolve("truth.json").toString(),
                "--out",
                answered.toString(),
                "--seed",
                "3");
        assertEquals(0, answer.exitCode(), answer.err());
        assertTrue(answer.out().contains("1 sends answered"), answer.out());
        assertEquals(
                List.of("Sent_Date,Customer_ID,SubjectLine_ID", "2016-04-09," + customer + ",2"),
                Files.readAllLines(answered.resolve("sent_emails.csv")));
        assertTrue(Files.exists(answered.resolve("userbase.csv")));

        CliRun unknown = run(
                "answer-plan",
                "--send-list",
                logs.resolve("sent_emails.csv").toString(),
                "--truth",
                logs.resolve("truth.json").toString(),
                "--out",
                answered.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no Planned_Send_Date column"), unknown.err());
    }

    @Test
    void the_help_lists_every_command_and_a_command_line_of_one_command_parses_as_the_full_one() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of(
                "generate",
                "answer-plan",
                "ingest",
                "export-cells",
                "train",
                "evaluate",
                "sweep",
                "next-action",
                "audience",
                "status",
                "runs",
                "serve",
                "models",
                "users")) {
            assertTrue(help.out().contains("  " + command + " "), command + " missing from:\n" + help.out());
        }

        // Main builds only the command named first; its usage errors and help are the full command line's.
        for (String[] args : List.of(
                new String[] {"train", "--episodes", "many"},
                new String[] {"ingest"},
                new String[] {"train", "--help"},
                new String[] {"models", "activate"})) {
            CliRun one = run(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine full = CampaignRlCli.commandLine(new Wiring(folder));
            full.setOut(new PrintWriter(out, true));
            full.setErr(new PrintWriter(err, true));
            assertEquals(full.execute(args), one.exitCode(), String.join(" ", args));
            assertEquals(out.toString(), one.out(), String.join(" ", args));
            assertEquals(err.toString(), one.err(), String.join(" ", args));
        }
    }

    private CliRun run(String... args) {
        return CliRun.in(folder, args);
    }
}
