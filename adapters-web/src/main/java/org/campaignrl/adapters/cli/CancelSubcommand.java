package org.campaignrl.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code campaign-rl cancel JOB}: cancels a job of a running server through its API
 * ({@code POST /api/v1/jobs/{id}/cancel}), since jobs live in the server's process. An ingest or a training the
 * CLI itself runs is cancelled with Ctrl-C (recorded as abandoned).
 */
@Command(
        name = "cancel",
        description = "Cancel a job (ingest or training) of a running server: it stops at its next "
                + "progress report, storing nothing; the dataset and model served before serve on.")
final class CancelSubcommand implements Callable<Integer> {
    private static final String TOKEN_VARIABLE = "CAMPAIGN_RL_TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "The job's id (GET /api/v1/jobs, or the Data and Models pages).")
    long job;

    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:8788",
            description = "The server (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "An ML engineer's token when the server has users " + "(or set " + TOKEN_VARIABLE + ").")
    String token;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String bearer = token != null ? token : System.getenv(TOKEN_VARIABLE);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1/jobs/" + job + "/cancel"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null && !bearer.isBlank()) {
            request.header("Authorization", "Bearer " + bearer.strip());
        }
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("no answer from " + server + ": " + e.getMessage(), e);
        }
        JsonNode body = JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException(server + " answered " + answer.statusCode() + ": "
                    + body.path("message").asText(answer.body()));
        }
        String state = body.path("state").asText();
        spec.commandLine()
                .getOut()
                .println("Job " + job + ": "
                        + (state.equals("CANCELLED")
                                ? "cancelled"
                                : state.toLowerCase(java.util.Locale.ROOT)
                                        + ", asked to stop at its next progress report"));
        return 0;
    }
}
