package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {
    private static final List<String> FILES = List.of(
            CampaignLogGenerator.USERBASE,
            CampaignLogGenerator.SENT_EMAILS,
            CampaignLogGenerator.RESPONDED,
            CampaignLogGenerator.TRUTH);

    @TempDir
    Path tmp;

    @Test
    void sameSettingsGiveByteIdenticalFiles() throws IOException {
        GenerationReport first = generate(2_000, 7, "a");
        GenerationReport second = generate(2_000, 7, "b");
        assertEquals(first, second);
        for (String file : FILES) {
            assertEquals(
                    -1,
                    Files.mismatch(
                            tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void anotherSeedGivesOtherLogs() throws IOException {
        generate(2_000, 7, "a");
        generate(2_000, 8, "b");
        for (String file : List.of(
                CampaignLogGenerator.USERBASE, CampaignLogGenerator.SENT_EMAILS, CampaignLogGenerator.RESPONDED)) {
            assertNotEquals(
                    -1,
                    Files.mismatch(
                            tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void aSmallerRunWithTheSameSeedIsAPrefixOfALargerOne() throws IOException {
        generate(500, 7, "small");
        generate(1_000, 7, "large");
        for (String file : List.of(
                CampaignLogGenerator.USERBASE, CampaignLogGenerator.SENT_EMAILS, CampaignLogGenerator.RESPONDED)) {
            byte[] small = Files.readAllBytes(tmp.resolve("small").resolve(file));
            byte[] large = Files.readAllBytes(tmp.resolve("large").resolve(file));
            assertTrue(large.length > small.length, file);
            assertArrayEquals(small, java.util.Arrays.copyOf(large, small.length), file);
        }
    }

    @Test
    void progressIsReportedUpToTheTotal() throws IOException {
        long[] last = {0, 0};
        new CampaignLogGenerator(new GeneratorSettings(25_000, 1)).writeTo(tmp, (done, total) -> {
            assertTrue(done > last[0], "progress moves forward");
            last[0] = done;
            last[1] = total;
        });
        assertArrayEquals(new long[] {25_000, 25_000}, last);
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(-5, 1));
        assertThrows(
                IllegalArgumentException.class, () -> new GeneratorSettings(GeneratorSettings.MAX_CUSTOMERS + 1, 1));
        assertEquals(new GeneratorSettings(500_000, 42), GeneratorSettings.DEFAULT);
        assertFalse(GeneratorSettings.DEFAULT.customers() > GeneratorSettings.MAX_CUSTOMERS);
    }

    private GenerationReport generate(int customers, long seed, String dir) throws IOException {
        return new CampaignLogGenerator(new GeneratorSettings(customers, seed))
                .writeTo(tmp.resolve(dir), GenerationProgress.NONE);
    }
}
