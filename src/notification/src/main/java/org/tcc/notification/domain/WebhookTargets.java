package org.tcc.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a webhook may reach. Only public unicast addresses, unless the deployment allow-lists a network or
 * a host name: never loopback, "this network", private (10/8, 172.16/12, 192.168/16), shared CGNAT (100.64/10),
 * link-local (169.254/16, which holds the cloud metadata endpoint 169.254.169.254, and fe80::/10), unique-local
 * (fc00::/7), multicast, broadcast, reserved, documentation or benchmarking ranges, nor an IPv6 form that embeds such
 * an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). Every address a name resolves
 * to must pass, so a name with one internal address among public ones is refused.
 */
public final class WebhookTargets {

    /** An IPv4 or IPv6 network, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
    public record Cidr(byte[] network, int prefix) {

        public static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            byte[] address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "not an IP address or network: " + text)).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new Cidr(address, prefix);
        }

        public boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private static final List<Cidr> NOT_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(Cidr::parse).toList();
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    /** The deployment's exceptions: networks and host names a webhook may reach although they are not public. */
    public record Policy(List<Cidr> networks, List<String> hosts) {

        public static final Policy NONE = new Policy(List.of(), List.of());

        /** Entries such as {@code 127.0.0.1/32}, {@code ::1}, {@code hooks.internal.example}. */
        public static Policy of(Collection<String> entries) {
            List<Cidr> networks = new ArrayList<>();
            List<String> hosts = new ArrayList<>();
            for (String entry : entries) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                if (e.contains("/") || literal(e).isPresent()) {
                    networks.add(Cidr.parse(e));
                } else {
                    hosts.add(e.toLowerCase(Locale.ROOT));
                }
            }
            return new Policy(List.copyOf(networks), List.copyOf(hosts));
        }

        /** True when the URL's host name itself is allow-listed (its addresses are then not checked). */
        public boolean allowsHost(String host) {
            return hosts.contains(host.toLowerCase(Locale.ROOT));
        }

        /** Why a webhook to {@code host} at {@code address} is refused, or empty when it may go. */
        public Optional<String> refusal(String host, InetAddress address) {
            if (allowsHost(host) || networks.stream().anyMatch(n -> n.contains(address))) {
                return Optional.empty();
            }
            return nonPublic(address).map(why -> host + " resolves to " + address.getHostAddress() + " (" + why
                    + "), which is not allow-listed");
        }

        /** Why any of {@code addresses} is refused (the first found), or empty when all may be reached. */
        public Optional<String> refusal(String host, List<InetAddress> addresses) {
            if (addresses.isEmpty()) {
                return Optional.of(host + " resolves to no address");
            }
            for (InetAddress a : addresses) {
                Optional<String> refused = refusal(host, a);
                if (refused.isPresent()) {
                    return refused;
                }
            }
            return Optional.empty();
        }
    }

    private WebhookTargets() {
    }

    /** Why {@code address} is not a public unicast address, or empty when it is one. */
    public static Optional<String> nonPublic(InetAddress address) {
        if (address instanceof Inet6Address) {
            Optional<InetAddress> embedded = embeddedIpv4(address.getAddress());
            if (embedded.isPresent()) {
                return nonPublic(embedded.get()).map(why -> "embeds " + embedded.get().getHostAddress() + ", " + why);
            }
        }
        for (Cidr range : NOT_PUBLIC) {
            if (range.contains(address)) {
                return Optional.of("in " + describe(range));
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("not a public unicast address");
        }
        if (address instanceof Inet4Address && address.getAddress()[0] == (byte) 255) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /** An IPv4 or IPv6 literal (IPv6 with or without brackets); empty for a host name. Never resolves. */
    public static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            if (h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
                String[] parts = h.split("\\.");
                byte[] a = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    a[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(a));
            }
            if (h.contains(":") && h.matches("[0-9A-Fa-f:.]+")) {
                return Optional.of(InetAddress.getByName("[" + h + "]")); // an IPv6 literal: parsed, never looked up
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> embeddedIpv4(byte[] a) {
        try {
            InetAddress v6 = InetAddress.getByAddress(a);
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= a[i] == 0;
            }
            mapped &= a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
            if (mapped || (IPV4_COMPATIBLE.contains(v6) && !allZeroUpTo(a, 16) && !isLoopback6(a))
                    || NAT64.contains(v6)) {
                return Optional.of(InetAddress.getByAddress(new byte[] {a[12], a[13], a[14], a[15]}));
            }
            if (SIX_TO_FOUR.contains(v6)) {
                return Optional.of(InetAddress.getByAddress(new byte[] {a[2], a[3], a[4], a[5]}));
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZeroUpTo(byte[] a, int n) {
        for (int i = 0; i < n; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopback6(byte[] a) {
        return allZeroUpTo(a, 15) && a[15] == 1;
    }

    private static String describe(Cidr range) {
        try {
            return InetAddress.getByAddress(range.network()).getHostAddress() + "/" + range.prefix();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
