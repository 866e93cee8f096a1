package org.newsroom.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Turns a presented API key into its principal, or refuses it. */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    /** A key as a request presented it, not yet checked. */
    static final class PresentedApiKey extends AbstractAuthenticationToken {

        private final String key;

        PresentedApiKey(String key) {
            super(java.util.List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }

        /** Never the key. */
        @Override
        public String toString() {
            return "PresentedApiKey";
        }
    }

    private final ApiKeys keys;

    ApiKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String presented = (String) authentication.getCredentials();
        return keys.match(presented).<Authentication>map(ApiKeyAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("the API key in " + ApiKeyFilter.HEADER + " is not valid"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedApiKey.class.isAssignableFrom(authentication);
    }
}
