package org.campaignrl.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code campaign-rl} in a JVM of its own, its output (stdout and stderr) read line by line as it comes. */
final class CliProcess implements AutoCloseable {
    /** Ample for a JVM to start, open the database and stop on a loaded 2-core machine. */
    static final long EXIT_SECONDS = 60;
    /** Only so that a broken build fails instead of hanging. */
    static final long SAFETY_SECONDS = 600;

    private static final String END = "\u0000end of output";

    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private CliProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Each process has a temporary folder of its own inside {@code home}: in the shared one, a server would find
     * and remove (and log) the uploads of other processes, other tests' and other builds' among them.
     */
    static CliProcess start(Path home, String... args) throws IOException {
        Path temporary = Files.createTempDirectory(Files.createDirectories(home.resolve("java-tmp")), "process-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(Wiring.HOME_VARIABLE, home.toString());
        builder.environment().remove("CAMPAIGN_RL_DB");
        builder.environment().remove("CAMPAIGN_RL_USERS");
        return new CliProcess(builder.start());
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
        } finally {
            lines.add(END);
        }
    }

    /** The first line from now on that {@code wanted} accepts; fails if the process ends first. */
    String awaitLine(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                lines.add(END);
                fail((line == null ? "no such line yet" : "the process ended first") + ":\n" + output);
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /**
     * SIGKILL, or SIGTERM. Through the process handle: {@code Process.destroy} would also close the pipe
     * of its output, losing what the process writes while it stops.
     */
    void signal(boolean kill) {
        if (kill) {
            process.toHandle().destroyForcibly();
        } else {
            process.toHandle().destroy();
        }
    }

    /** The exit code, once the process has ended and all its output is read. */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "the process did not end:\n" + output);
        reader.join(TimeUnit.SECONDS.toMillis(EXIT_SECONDS));
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
