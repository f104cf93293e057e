package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which addresses a webhook may reach: public unicast only, unless allow-listed. */
class WebhookTargetsTest {

    private static InetAddress ip(String literal) {
        return WebhookTargets.literal(literal).orElseThrow(() -> new AssertionError("not a literal: " + literal));
    }

    @Test
    void nonPublicAddressesAreRecognisedInEveryForm() {
        for (String a : List.of("127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "10.255.255.255", "172.16.0.1",
                "172.31.255.254", "192.168.0.1", "100.64.0.1", "100.127.255.254", "169.254.169.254", "169.254.0.1",
                "224.0.0.251", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.2.10", "198.18.0.1",
                "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
                "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::1", "2002:0a00:0001::1", "2001:db8::1")) {
            assertTrue(WebhookTargets.nonPublic(ip(a)).isPresent(), a + " must not be public");
        }
        for (String a : List.of("8.8.8.8", "93.184.216.34", "172.32.0.1", "172.15.255.255", "100.128.0.1",
                "192.169.0.1", "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808",
                "2002:0808:0808::1")) {
            assertEquals(Optional.empty(), WebhookTargets.nonPublic(ip(a)), a + " is public");
        }
    }

    @Test
    void literalsAreParsedNeverResolved() {
        assertEquals(Optional.empty(), WebhookTargets.literal("hooks.example.org"));
        assertEquals(Optional.empty(), WebhookTargets.literal("999.1.1.1"));
        assertEquals(Optional.empty(), WebhookTargets.literal("localhost"));
        assertEquals("::1", ip("[::1]").getHostAddress().replace("0:0:0:0:0:0:0:1", "::1"));
        assertEquals("127.0.0.1", ip("::ffff:127.0.0.1").getHostAddress());
    }

    @Test
    void allowListedNetworksAndHostsAreExemptAndEveryAddressOfANameMustPass() {
        WebhookTargets.Policy policy = WebhookTargets.Policy.of(List.of("127.0.0.1/32", "10.20.0.0/16",
                "hooks.internal"));
        assertEquals(Optional.empty(), policy.refusal("localhost", ip("127.0.0.1")));
        assertTrue(policy.refusal("localhost", ip("127.0.0.2")).isPresent());
        assertEquals(Optional.empty(), policy.refusal("x", ip("10.20.30.40")));
        assertTrue(policy.refusal("x", ip("10.21.0.1")).isPresent());
        assertEquals(Optional.empty(), policy.refusal("Hooks.Internal", ip("192.168.1.1")));
        // one internal address among public ones is enough to refuse the name
        assertTrue(policy.refusal("mixed.example.org", List.of(ip("93.184.216.34"), ip("169.254.169.254")))
                .isPresent());
        assertEquals(Optional.empty(), policy.refusal("public.example.org", List.of(ip("93.184.216.34"))));
        assertTrue(policy.refusal("nothing.example.org", List.of()).isPresent());
        assertTrue(WebhookTargets.Policy.NONE.refusal("localhost", ip("::1")).isPresent());
    }

    @Test
    void cidrsMatchOnTheirPrefix() {
        WebhookTargets.Cidr net = WebhookTargets.Cidr.parse("172.16.0.0/12");
        assertTrue(net.contains(ip("172.16.0.0")));
        assertTrue(net.contains(ip("172.31.255.255")));
        assertFalse(net.contains(ip("172.32.0.0")));
        assertFalse(net.contains(ip("fc00::1")), "an IPv6 address is never in an IPv4 network");
        assertTrue(WebhookTargets.Cidr.parse("fc00::/7").contains(ip("fdff::1")));
        assertFalse(WebhookTargets.Cidr.parse("fc00::/7").contains(ip("fe00::1")));
        assertTrue(WebhookTargets.Cidr.parse("::1").contains(ip("::1")));
    }
}
