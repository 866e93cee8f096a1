package org.newsroom.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-Api-Key}, or {@code Authorization: ApiKey <key>} (what a Prometheus
 * server sends with {@code authorization: {type: ApiKey, credentials_file: ...}}). A request without the header goes on anonymous (the
 * authorization rules decide); one with a key that matches none is answered 401 at once, whatever it asked for,
 * so a wrong key is never mistaken for no key.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    static final String SCHEME = "ApiKey";

    private final ApiKeyAuthenticationProvider keys;
    private final AuthenticationEntryPoint refusal;

    ApiKeyFilter(ApiKeyAuthenticationProvider keys, AuthenticationEntryPoint refusal) {
        this.keys = keys;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        if ((presented == null || presented.isBlank()) && authorization != null
                && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            presented = authorization.substring(SCHEME.length() + 1);
        }
        if (presented == null || presented.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Authentication principal;
        try {
            principal = keys.authenticate(new ApiKeyAuthenticationProvider.PresentedApiKey(presented));
        } catch (AuthenticationException e) {
            refusal.commence(request, response, e);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(principal);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
