package org.newsroom.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's principal: roles from one claim (names of {@link Role}, unknown names ignored) and the sources
 * it may write from another, as the same authorities an API key gives.
 */
final class JwtPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccessProperties.Jwt settings;

    JwtPrincipals(AccessProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<Role> roles = new ArrayList<>();
        for (String name : strings(jwt.getClaim(settings.rolesClaim()))) {
            try {
                roles.add(Role.valueOf(name.strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // A role of the identity provider's that means nothing here.
            }
        }
        Collection<GrantedAuthority> authorities = Principals.authorities(roles, strings(jwt.getClaim(settings.sourcesClaim())));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** A claim given as a list or as one space-separated string (as {@code scope} is). */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.strip().split("\\s+"));
        }
        return List.of();
    }
}
