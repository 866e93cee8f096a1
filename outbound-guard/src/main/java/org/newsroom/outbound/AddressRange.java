package org.newsroom.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR range such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a range of one. Only IP
 * literals are accepted, so parsing never asks DNS.
 */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length %d out of 0..%d for %s".formatted(prefixLength, bits,
                    network.getHostAddress()));
        }
    }

    /** {@code 127.0.0.1/32}, {@code 10.0.0.0/8}, {@code ::1}, {@code fc00::/7}. */
    public static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        InetAddress network = literal(address.strip());
        int prefix;
        try {
            prefix = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(cidr.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR range: " + cidr);
        }
        return new AddressRange(network, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != net[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (candidate[whole] & mask) == (net[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    /** Whether the text is an IPv4 or IPv6 literal rather than a host name (names never hold ':' or only digits and dots). */
    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || (!host.isEmpty() && host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
    }

    static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!isLiteral(bare)) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }
}
