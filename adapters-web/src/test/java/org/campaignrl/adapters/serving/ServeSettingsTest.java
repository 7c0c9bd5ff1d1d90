package org.campaignrl.adapters.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.adapters.users.User;
import org.campaignrl.adapters.users.UserDirectory;
import org.junit.jupiter.api.Test;

class ServeSettingsTest {
    private static final Path SAMPLE = Path.of("data", "sample");

    @Test
    void an_open_server_listens_on_loopback_only() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new ServeSettings(
                        "0.0.0.0", 0, UserDirectory.NONE, 1 << 20, SAMPLE, Duration.ofSeconds(1), Optional.empty()));
        assertTrue(refused.getMessage().startsWith("--host 0.0.0.0 needs users"), refused.getMessage());
        assertEquals(
                "127.0.0.1",
                new ServeSettings(
                                "127.0.0.1",
                                0,
                                UserDirectory.NONE,
                                1 << 20,
                                SAMPLE,
                                Duration.ofSeconds(1),
                                Optional.empty())
                        .host());
    }

    @Test
    void a_server_with_users_may_listen_anywhere() {
        UserDirectory users = UserDirectory.parse(
                "users",
                UserDirectory.line(new User("eve", Role.ML_ENGINEER), UserDirectory.newToken(new SecureRandom())));
        assertEquals(
                "0.0.0.0",
                new ServeSettings("0.0.0.0", 0, users, 1 << 20, SAMPLE, Duration.ofSeconds(1), Optional.empty())
                        .host());
    }

    @Test
    void the_upload_limit_is_positive() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new ServeSettings(
                        "127.0.0.1", 0, UserDirectory.NONE, 0, SAMPLE, Duration.ofSeconds(1), Optional.empty()));
        assertEquals("--max-upload-mb must be positive", refused.getMessage());
    }

    @Test
    void allowed_hosts_default_to_none_and_are_kept_as_given() {
        ServeSettings settings = new ServeSettings(
                "127.0.0.1", 0, UserDirectory.NONE, 1 << 20, SAMPLE, Duration.ofSeconds(1), Optional.empty());
        assertEquals(List.of(), settings.allowedHosts());
        List<String> names = new ArrayList<>(List.of("campaigns.example.com"));
        ServeSettings allowing = settings.withRequestMetrics(false).withAllowedHosts(names);
        names.add("later.example.com"); // the settings keep their own copy
        assertEquals(List.of("campaigns.example.com"), allowing.allowedHosts());
        assertEquals(
                List.of("campaigns.example.com"),
                allowing.withRequestMetrics(true).allowedHosts());
    }

    @Test
    void trusted_proxies_are_addresses_kept_through_the_other_options_and_a_name_is_refused() {
        ServeSettings settings = new ServeSettings(
                "127.0.0.1", 0, UserDirectory.NONE, 1 << 20, SAMPLE, Duration.ofSeconds(1), Optional.empty());
        assertEquals(List.of(), settings.trustedProxies());
        ServeSettings trusting = settings.withTrustedProxies(List.of("10.0.0.5", "::1"));
        assertEquals(
                List.of("10.0.0.5", "::1"),
                trusting.withAllowedHosts(List.of("a.example"))
                        .withRequestMetrics(false)
                        .trustedProxies());

        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> settings.withTrustedProxies(List.of("proxy.example")));
        assertEquals("--trusted-proxies takes IP addresses, was 'proxy.example'", refused.getMessage());
    }
}
