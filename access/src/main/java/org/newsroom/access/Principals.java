package org.newsroom.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an authenticated principal may write: its sources travel as {@code SOURCE_<name>} authorities beside its
 * roles, whether it came with an API key or a bearer token, so the check is the same for both.
 */
public final class Principals {

    static final String SOURCE_PREFIX = "SOURCE_";

    private Principals() {
    }

    /** Whether the principal may write (publish, correct, kill) articles of {@code source}. */
    public static boolean maySource(Authentication principal, String source) {
        if (principal == null || !principal.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : principal.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.equals(SOURCE_PREFIX + AccessProperties.ANY_SOURCE) || name.equals(SOURCE_PREFIX + source)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the principal has {@code role}. */
    public static boolean has(Authentication principal, Role role) {
        return principal != null && principal.isAuthenticated()
                && principal.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority().getAuthority()));
    }

    static List<GrantedAuthority> authorities(Collection<Role> roles, Collection<String> sources) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(role.authority()));
        sources.forEach(source -> authorities.add(new SimpleGrantedAuthority(SOURCE_PREFIX + source.strip())));
        return authorities;
    }
}
