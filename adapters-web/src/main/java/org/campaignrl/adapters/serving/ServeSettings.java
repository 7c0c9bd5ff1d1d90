package org.campaignrl.adapters.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.campaignrl.adapters.users.UserDirectory;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainCommand;

/**
 * What {@code serve} was asked for: where to listen, who may use the server, the largest upload, the logs to
 * ingest into an empty database, how often to look for a model activated elsewhere, scheduled retraining, whether
 * requests are timed, and the names beyond loopback and {@code --host} the server answers to in {@code Host}
 * ({@code --allowed-hosts}, behind a proxy), and the proxies whose {@code X-Forwarded-For} names the client
 * ({@code --trusted-proxies}).
 * Checked before anything is opened; a refusal is an {@link IllegalArgumentException} naming the option.
 */
public record ServeSettings(
        String host,
        int port,
        UserDirectory users,
        long maxUploadBytes,
        Path sampleDir,
        Duration pollEvery,
        Optional<Retraining> retraining,
        boolean requestMetrics,
        List<String> allowedHosts,
        List<String> trustedProxies) {

    /** {@code --retrain-every} with {@code --watch-dir} and the tolerance. */
    public record Retraining(Duration every, RetrainCommand command) {}

    /** The variable that gives users to servers started without {@code --users}, e.g. from a secret store. */
    public static final String USERS_VARIABLE = "CAMPAIGN_RL_USERS";

    /** With every request timed for the metrics, answering to loopback names and {@code host} only. */
    public ServeSettings(
            String host,
            int port,
            UserDirectory users,
            long maxUploadBytes,
            Path sampleDir,
            Duration pollEvery,
            Optional<Retraining> retraining) {
        this(host, port, users, maxUploadBytes, sampleDir, pollEvery, retraining, true, List.of(), List.of());
    }

    /** {@code serve --no-request-metrics}: requests not timed, to measure what timing them costs. */
    public ServeSettings withRequestMetrics(boolean on) {
        return new ServeSettings(
                host, port, users, maxUploadBytes, sampleDir, pollEvery, retraining, on, allowedHosts, trustedProxies);
    }

    /** {@code serve --allowed-hosts}: further names the server answers to in {@code Host}. */
    public ServeSettings withAllowedHosts(List<String> names) {
        return new ServeSettings(
                host,
                port,
                users,
                maxUploadBytes,
                sampleDir,
                pollEvery,
                retraining,
                requestMetrics,
                names,
                trustedProxies);
    }

    /** {@code serve --trusted-proxies}: the addresses of the reverse proxies in front of the server. */
    public ServeSettings withTrustedProxies(List<String> addresses) {
        return new ServeSettings(
                host,
                port,
                users,
                maxUploadBytes,
                sampleDir,
                pollEvery,
                retraining,
                requestMetrics,
                allowedHosts,
                addresses);
    }

    public ServeSettings {
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("--max-upload-mb must be positive");
        }
        if (users.isEmpty() && !WebServer.isLoopback(host)) {
            throw new IllegalArgumentException("--host " + host + " needs users (--users FILE or " + USERS_VARIABLE
                    + "): without them anyone who reaches the server could change everything");
        }
        allowedHosts = List.copyOf(allowedHosts);
        trustedProxies = List.copyOf(trustedProxies);
        WebServer.checkTrustedProxies(trustedProxies);
    }
}
