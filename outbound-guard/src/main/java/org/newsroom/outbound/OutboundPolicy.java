package org.newsroom.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which destinations an outbound request may reach: http and https only, and never an internal address (loopback,
 * private, link-local, unique-local, CGNAT, multicast, unspecified, broadcast, reserved, benchmarking,
 * documentation, a Teredo tunnel, or an IPv4 one of those inside an IPv6 address: mapped, compatible, NAT64 or
 * 6to4) unless its range or its host name is allowed.
 *
 * @param allowedRanges addresses allowed although internal, e.g. {@code 10.1.0.0/16}
 * @param allowedHosts  host names whose every address is allowed, lower case, e.g. {@code feeds.internal.example}
 */
public record OutboundPolicy(List<AddressRange> allowedRanges, Set<String> allowedHosts) {

    private static final AddressRange CGNAT = AddressRange.parse("100.64.0.0/10");
    private static final AddressRange THIS_NETWORK = AddressRange.parse("0.0.0.0/8");
    private static final AddressRange UNIQUE_LOCAL = AddressRange.parse("fc00::/7");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private static final AddressRange TEREDO = AddressRange.parse("2001::/32");
    private static final AddressRange RESERVED = AddressRange.parse("240.0.0.0/4");
    private static final AddressRange BENCHMARKING = AddressRange.parse("198.18.0.0/15");
    private static final AddressRange IETF_PROTOCOL = AddressRange.parse("192.0.0.0/24");
    /** TEST-NET-1, -2, -3 and IPv6's documentation prefix: never a real destination, so a request there is a probe. */
    private static final List<AddressRange> DOCUMENTATION = List.of(AddressRange.parse("192.0.2.0/24"),
            AddressRange.parse("198.51.100.0/24"), AddressRange.parse("203.0.113.0/24"), AddressRange.parse("2001:db8::/32"));

    public OutboundPolicy {
        allowedRanges = List.copyOf(allowedRanges);
        allowedHosts = Set.copyOf(allowedHosts.stream().map(OutboundPolicy::normalized).toList());
    }

    /** Parses an allow-list: CIDR ranges and addresses ({@code 127.0.0.1/32}, {@code ::1}) and host names. */
    public static OutboundPolicy allowing(List<String> allow) {
        List<AddressRange> ranges = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (String entry : allow == null ? List.<String>of() : allow) {
            String text = entry == null ? "" : entry.strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty entry in the outbound allow-list");
            }
            if (text.contains("/") || AddressRange.isLiteral(text) || text.startsWith("[")) {
                ranges.add(AddressRange.parse(text));
            } else {
                hosts.add(text);
            }
        }
        return new OutboundPolicy(ranges, hosts);
    }

    /** Only http and https, and only absolute URIs naming a host. */
    public void checkScheme(URI uri) throws RefusedDestinationException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedDestinationException("scheme '%s' is not allowed (only http and https): %s".formatted(scheme, uri));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedDestinationException("no host in " + uri);
        }
    }

    /** Whether the host name itself is allowed, whatever it resolves to. */
    public boolean allowsHost(String host) {
        return allowedHosts.contains(normalized(host));
    }

    /** Why the address may not be called ({@code "internal (loopback)"}), or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> kind = internalKind(address);
        if (kind.isEmpty()) {
            return kind;
        }
        InetAddress embedded = embeddedIpv4(address).orElse(address);
        boolean allowed = allowedRanges.stream().anyMatch(range -> range.contains(address) || range.contains(embedded));
        return allowed ? Optional.empty() : Optional.of("internal (" + kind.get() + ")");
    }

    /** What kind of internal address this is, or empty for an address on the public internet. */
    static Optional<String> internalKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return internalKind(embedded.get()).map(kind -> kind + ", inside an IPv6 address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress() || UNIQUE_LOCAL.contains(address)) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (CGNAT.contains(address)) {
            return Optional.of("shared address space, CGNAT");
        }
        if (THIS_NETWORK.contains(address)) {
            return Optional.of("this network");
        }
        if (address instanceof Inet4Address && Arrays.equals(address.getAddress(), new byte[] {-1, -1, -1, -1})) {
            return Optional.of("broadcast");
        }
        if (RESERVED.contains(address)) {
            return Optional.of("reserved");
        }
        if (BENCHMARKING.contains(address)) {
            return Optional.of("benchmarking");
        }
        if (IETF_PROTOCOL.contains(address)) {
            return Optional.of("IETF protocol assignments");
        }
        if (DOCUMENTATION.stream().anyMatch(range -> range.contains(address))) {
            return Optional.of("documentation");
        }
        // a Teredo address tunnels to whatever IPv4 host its relay names: nothing public is reached that way on purpose
        if (TEREDO.contains(address)) {
            return Optional.of("Teredo tunnel");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), NAT64
     * ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:aabb:ccdd::}) IPv6 address: each can reach that IPv4 host, so
     * each is judged by it.
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeroPrefix && bytes[10] == -1 && bytes[11] == -1;
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
        int from = SIX_TO_FOUR.contains(address) ? 2 : 12;
        if (!mapped && !compatible && !NAT64.contains(address) && from != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4)));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String normalized(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }
}
