package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request came from, behind trusted proxies or not. */
class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.5", "[::1]", "10.0.0.6"));

    @Test
    void from_a_trusted_proxy_the_client_is_the_last_forwarded_address_that_is_no_trusted_proxy() {
        assertEquals("192.0.2.7", behindProxies.of("10.0.0.5", "192.0.2.7"));
        assertEquals(
                "192.0.2.7",
                behindProxies.of("10.0.0.5", "198.51.100.1, 192.0.2.7, 10.0.0.6"),
                "what the client wrote itself, left of what the proxies added, does not count");
        assertEquals("192.0.2.7", behindProxies.of("0:0:0:0:0:0:0:1", " 192.0.2.7 "), "one spelling of ::1");
    }

    @Test
    void from_anyone_else_x_forwarded_for_is_ignored() {
        assertEquals("198.51.100.1", behindProxies.of("198.51.100.1", "192.0.2.7"));
        assertEquals("198.51.100.1", new ClientAddress(List.of()).of("198.51.100.1", "192.0.2.7"));
    }

    @Test
    void a_forwarded_entry_that_is_no_address_leaves_the_last_proxy_as_the_client() {
        assertEquals("10.0.0.5", behindProxies.of("10.0.0.5", "unknown"));
        assertEquals("10.0.0.6", behindProxies.of("10.0.0.5", "evil.example, 10.0.0.6"));
        assertEquals("10.0.0.5", behindProxies.of("10.0.0.5", ""));
    }

    @Test
    void a_trusted_proxy_must_be_an_address_literal_never_a_name_to_look_up() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ClientAddress.check(List.of("10.0.0.5", "proxy.example")));
        assertTrue(refused.getMessage().contains("'proxy.example'"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.check(List.of("abc.def")));
        ClientAddress.check(List.of("::1", "[fe80::1%1]", "192.0.2.1"));
    }
}
