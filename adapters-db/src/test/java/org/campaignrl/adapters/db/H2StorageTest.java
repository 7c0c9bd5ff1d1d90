package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class H2StorageTest extends StorageContract {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return new H2TestDatabase(tempDir);
    }

    @Test
    void describesTheAbsoluteDatabaseFile() {
        Path file = tempDir.toAbsolutePath().normalize().resolve("campaign-rl.mv.db");

        assertEquals("H2 file " + file, storage.describe());
        assertTrue(Files.isRegularFile(file));
    }

    /** A CLI command stores and ends; the next one finds everything, however the first one ended. */
    @ParameterizedTest
    @ValueSource(strings = {"close", "exit", "wait-to-be-killed"})
    void aProcessThatStoresAndEndsLeavesAConsistentDatabase(String ending) throws Exception {
        String url = Storage.defaultH2Url(tempDir.resolve("cli"));
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreAndExit.class.getName(),
                        url,
                        ending)
                .redirectErrorStream(true)
                .start();
        String output = ending.equals("wait-to-be-killed") ? killOnceStored(process) : waitFor(process);

        try (Storage next = Storage.open(url)) {
            assertEquals(
                    TestData.logs().cells(),
                    next.datasets().loadLatest().orElseThrow().cells(),
                    output);
            assertEquals(
                    TestData.model(
                            next.datasets().loadLatest().orElseThrow().id(),
                            TestData.smallSpace(),
                            1,
                            TestData.CREATED),
                    next.models().loadActive().orElseThrow().model(),
                    output);
        }
    }

    private static String waitFor(Process process) throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process did not end");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** Kills the process (SIGKILL: no shutdown hook runs) as soon as it reports its commits. */
    private static String killOnceStored(Process process) throws IOException, InterruptedException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.append(line).append('\n');
            if (line.equals(StoreAndExit.STORED)) {
                process.destroyForcibly().waitFor();
                return output.toString();
            }
        }
        throw new AssertionError("the process ended before storing:\n" + output);
    }
}
