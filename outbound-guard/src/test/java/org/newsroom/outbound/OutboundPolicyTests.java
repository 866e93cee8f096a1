package org.newsroom.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTests {

    private final OutboundPolicy strict = OutboundPolicy.allowing(List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1          | internal (loopback)
            127.255.255.254    | internal (loopback)
            ::1                | internal (loopback)
            10.1.2.3           | internal (private)
            172.16.0.1         | internal (private)
            172.31.255.255     | internal (private)
            192.168.1.1        | internal (private)
            fd12:3456::1       | internal (private)
            fc00::1            | internal (private)
            169.254.169.254    | internal (link-local)
            fe80::1            | internal (link-local)
            100.64.0.1         | internal (shared address space, CGNAT)
            100.127.255.254    | internal (shared address space, CGNAT)
            224.0.0.1          | internal (multicast)
            ff02::1            | internal (multicast)
            0.0.0.0            | internal (unspecified)
            ::                 | internal (unspecified)
            0.1.2.3            | internal (this network)
            255.255.255.255    | internal (broadcast)
            ::7f00:1           | internal (loopback, inside an IPv6 address)
            64:ff9b::a9fe:a9fe | internal (link-local, inside an IPv6 address)
            2002:7f00:1::      | internal (loopback, inside an IPv6 address)
            2002:a9fe:a9fe::1  | internal (link-local, inside an IPv6 address)
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | internal (Teredo tunnel)
            240.0.0.1          | internal (reserved)
            198.18.0.1         | internal (benchmarking)
            198.19.255.254     | internal (benchmarking)
            192.0.0.8          | internal (IETF protocol assignments)
            192.0.2.10         | internal (documentation)
            203.0.113.7        | internal (documentation)
            2001:db8::1        | internal (documentation)
            """)
    void refusesInternalAddressesByDefault(String address, String reason) throws UnknownHostException {
        assertThat(strict.refusal(InetAddress.getByName(address))).hasValue(reason);
    }

    @Test
    void refusesAnIpv4MappedIpv6AddressForTheIpv4AddressInside() throws UnknownHostException {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; a resolver may hand over the IPv6 form.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, (byte) 169, (byte) 254, (byte) 169, (byte) 254};

        assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .hasValue("internal (link-local, inside an IPv6 address)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111",
            "64:ff9b::808:808", "2002:808:808::1", "198.20.0.1", "2001:4860:4860::8888"})
    void letsPublicAddressesThrough(String address) throws UnknownHostException {
        assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anAllowListedRangeLetsItsAddressesThroughAndNoOthers() throws UnknownHostException {
        OutboundPolicy policy = OutboundPolicy.allowing(List.of("10.0.0.0/8", "127.0.0.1/32", "fd00::/8"));

        assertThat(policy.refusal(InetAddress.getByName("10.9.8.7"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.2"))).hasValue("internal (loopback)");
        assertThat(policy.refusal(InetAddress.getByName("192.168.0.1"))).hasValue("internal (private)");
        assertThat(policy.refusal(InetAddress.getByName("fc00::5"))).hasValue("internal (private)");
    }

    @Test
    void anAllowListTakesBareAddressesAndHostNamesIgnoringCaseAndTheTrailingDot() throws UnknownHostException {
        OutboundPolicy policy = OutboundPolicy.allowing(List.of(" Feeds.Internal.Example. ", "::1", "[fe80::1]"));

        assertThat(policy.allowsHost("feeds.internal.example")).isTrue();
        assertThat(policy.allowsHost("FEEDS.internal.example.")).isTrue();
        assertThat(policy.allowsHost("other.internal.example")).isFalse();
        assertThat(policy.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("fe80::1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("::2"))).hasValue("internal (this network, inside an IPv6 address)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "", "  ", "::1/129"})
    void refusesAMalformedAllowListEntryAtStartup(String entry) {
        assertThatThrownBy(() -> OutboundPolicy.allowing(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/feed", "file:///etc/passwd", "gopher://example.org:70/", "jar:file:/x.jar!/a",
            "mailto:desk@example.org", "http:///no-host", "//example.org/feed"})
    void refusesEverySchemeButHttpAndHttpsAndUrisWithoutAHost(String uri) {
        assertThatThrownBy(() -> strict.checkScheme(URI.create(uri))).isInstanceOf(RefusedDestinationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/feed", "HTTPS://example.org/feed"})
    void acceptsHttpAndHttps(String uri) throws RefusedDestinationException {
        strict.checkScheme(URI.create(uri));
    }
}
