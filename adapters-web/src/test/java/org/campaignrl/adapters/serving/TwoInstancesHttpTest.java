package org.campaignrl.adapters.serving;

import static org.campaignrl.boot.RegistryHttp.modelVersion;
import static org.campaignrl.boot.RegistryHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.boot.PostgresSchema;
import org.campaignrl.boot.RegistryApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database, as a team would run them: a model activated (or rolled
 * back) through one is served by the other within a few seconds, without a restart.
 */
class TwoInstancesHttpTest {
    private static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    @Test
    void aModelActivatedThroughOneServerIsServedByTheOther() throws Exception {
        try (PostgresSchema schema = PostgresSchema.createOrSkip();
                Storage storageA = Storage.open(schema.url());
                Storage storageB = Storage.open(schema.url())) {
            RegistryApp a = new RegistryApp(storageA.datasets(), storageA.models());
            a.ingest(RegistryApp.logs(folder, 11));
            long first = a.train(1, true, "ana");
            long second = a.train(2, true, "ben");
            a.app.refreshServing().refreshIfChanged();
            RegistryApp b = new RegistryApp(storageB.datasets(), storageB.models());
            try (ActiveModelPolling pollingA = ActiveModelPolling.start(a.app.refreshServing(), POLL_EVERY);
                    ActiveModelPolling pollingB = ActiveModelPolling.start(b.app.refreshServing(), POLL_EVERY)) {
                assertEquals(Long.toString(second), modelVersion(nextAction(b)));

                HttpResponse<String> activated = send("POST", a.url("/api/v1/models/" + first + "/activate"));
                assertEquals(200, activated.statusCode(), activated.body());
                assertEquals(Long.toString(first), modelVersion(nextAction(a))); // at once where it was activated
                Duration switched = waitForModel(b, first);

                HttpResponse<String> rolledBack = send("POST", b.url("/api/v1/models/rollback"));
                assertEquals(200, rolledBack.statusCode(), rolledBack.body());
                Duration back = waitForModel(a, second);

                System.out.printf(
                        "[timing] two servers on %s, polling every %d ms: activation seen by the other "
                                + "after %d ms, rollback after %d ms%n",
                        storageA.describe(), POLL_EVERY.toMillis(), switched.toMillis(), back.toMillis());
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** Asks the server until it answers from {@code modelId}; fails after {@link #AT_MOST}. */
    private static Duration waitForModel(RegistryApp server, long modelId) throws Exception {
        long start = System.nanoTime();
        String last;
        do {
            last = modelVersion(nextAction(server));
            if (last.equals(Long.toString(modelId))) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        } while (System.nanoTime() - start < AT_MOST.toNanos());
        throw new AssertionError("still serving model " + last + " instead of " + modelId + " after " + AT_MOST);
    }

    private static HttpResponse<String> nextAction(RegistryApp server) throws Exception {
        int subject =
                server.app.datasetRegistry().datasets().get(0).subjectIds().get(0);
        HttpResponse<String> response =
                send("POST", server.url("/get-next-action"), "{\"state\":[" + subject + ",0,0,0,0,0,0],\"action\":0}");
        assertTrue(response.statusCode() == 200, response.body());
        return response;
    }
}
