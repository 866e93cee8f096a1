package org.newsroom.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A principal that presented one of the configured API keys; the key itself is not kept. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;

    ApiKeyAuthentication(AccessProperties.ApiKey key) {
        super(Principals.authorities(key.roles(), key.sources()));
        this.name = key.name();
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }
}
