package org.newsroom.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host and keeps only the addresses the {@link OutboundPolicy} allows; refuses the host when none is
 * left. {@link GuardedHttp} connects through this resolver, so the addresses checked are the very addresses
 * connected to: a name that answers a public address to a check and an internal one to the connection (DNS
 * rebinding) gets no second lookup to exploit.
 */
public final class Destinations implements DnsResolver {

    /** The longest wait for a DNS answer unless told otherwise; the JDK's own lookup has no limit of its own. */
    public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final OutboundPolicy policy;
    private final DnsResolver dns;
    private final Duration lookupTimeout;

    public Destinations(OutboundPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE, DEFAULT_LOOKUP_TIMEOUT);
    }

    /** @param dns the resolver asked first; tests pass a fixed table */
    public Destinations(OutboundPolicy policy, DnsResolver dns) {
        this(policy, dns, DEFAULT_LOOKUP_TIMEOUT);
    }

    /** @param lookupTimeout a host whose name server stays silent this long is unknown, rather than a stuck caller */
    public Destinations(OutboundPolicy policy, DnsResolver dns, Duration lookupTimeout) {
        if (lookupTimeout.isNegative() || lookupTimeout.isZero()) {
            throw new IllegalArgumentException("the DNS lookup timeout must be positive: " + lookupTimeout);
        }
        this.policy = policy;
        this.dns = dns;
        this.lookupTimeout = lookupTimeout;
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /**
     * Checks a URI as a request to it would be checked: scheme, then every address of its host. For refusing a
     * configured or submitted URL early; the request itself is checked again when it connects.
     */
    public List<InetAddress> check(URI uri) throws RefusedDestinationException, UnknownHostException {
        policy.checkScheme(uri);
        return allowedAddresses(uri.getHost());
    }

    /** The host's addresses that may be called, in the resolver's order; refused when there is none. */
    public List<InetAddress> allowedAddresses(String host) throws RefusedDestinationException, UnknownHostException {
        String name = OutboundPolicy.normalized(host);
        InetAddress[] resolved = lookUp(name);
        if (resolved == null || resolved.length == 0) {
            throw new UnknownHostException(name);
        }
        if (policy.allowsHost(name)) {
            return List.of(resolved);
        }
        List<InetAddress> allowed = Arrays.stream(resolved).filter(address -> policy.refusal(address).isEmpty()).toList();
        if (allowed.isEmpty()) {
            throw new RefusedDestinationException(refusalOf(name, resolved));
        }
        return allowed;
    }

    /**
     * Asks DNS on a virtual thread and waits at most the lookup timeout: the JDK's resolver cannot be interrupted,
     * so a silent name server would otherwise hold a feed poller or webhook sender for as long as the OS retries.
     */
    private InetAddress[] lookUp(String name) throws UnknownHostException {
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> dns.resolve(name));
        Thread.ofVirtual().name("dns-lookup").start(lookup);
        try {
            return lookup.get(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new UnknownHostException("no DNS answer for %s within %s".formatted(name, lookupTimeout));
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnknownHostException("interrupted while resolving " + name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            UnknownHostException failed = new UnknownHostException("resolving %s failed: %s".formatted(name, e.getCause()));
            failed.initCause(e.getCause());
            throw failed;
        }
    }

    private String refusalOf(String name, InetAddress[] resolved) {
        if (AddressRange.isLiteral(name) && resolved.length == 1) {
            return "address %s is %s".formatted(resolved[0].getHostAddress(), policy.refusal(resolved[0]).orElseThrow());
        }
        return "host %s resolves only to refused addresses: %s".formatted(name, Arrays.stream(resolved)
                .map(address -> address.getHostAddress() + " is " + policy.refusal(address).orElseThrow())
                .collect(Collectors.joining(", ")));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return allowedAddresses(host).toArray(InetAddress[]::new);
        } catch (RefusedDestinationException refused) {
            throw new RefusedResolution(refused);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }
}
