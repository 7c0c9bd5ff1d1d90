package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which {@code Host} names the server answers to, by what it was bound to ({@code --host}). */
class HostCheckTest {

    @Test
    void boundToLoopbackOnlyLoopbackAndTheGivenNames() {
        HostCheck check = new HostCheck(List.of("campaigns.example.com"));
        check.boundTo("127.0.0.1");
        for (String host :
                List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "a.localhost", "campaigns.example.com")) {
            assertTrue(check.answersTo(host), host);
        }
        for (String host : List.of("rebind.example", "10.0.0.5", "[fe80::1]", "localhost.example", "", ".localhost")) {
            assertFalse(check.answersTo(host), host);
        }
    }

    @Test
    void boundToAnAddressItAnswersToThatAddress() {
        HostCheck check = new HostCheck(List.of());
        check.boundTo("192.0.2.7");
        assertTrue(check.answersTo("192.0.2.7"));
        assertFalse(check.answersTo("192.0.2.8"));
        assertFalse(check.answersTo("rebind.example"));
    }

    @Test
    void boundToEveryInterfaceItAnswersToAnyAddressButNoOtherName() {
        HostCheck check = new HostCheck(List.of());
        check.boundTo("0.0.0.0");
        assertTrue(check.answersTo("10.0.0.5"));
        assertTrue(check.answersTo("[fe80::1]"));
        assertFalse(check.answersTo("rebind.example"));
    }

    @Test
    void thePortIsNotPartOfTheName() {
        assertTrue(HostCheck.hostOnly("LocalHost:8788").equals("localhost"));
        assertTrue(HostCheck.hostOnly("[::1]:8788").equals("[::1]"));
        assertTrue(HostCheck.hostOnly("example.com").equals("example.com"));
    }
}
