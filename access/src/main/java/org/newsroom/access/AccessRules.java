package org.newsroom.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own endpoint rules, applied before the common ones (actuator, then everything else needs a
 * principal). Each service declares one bean: ingest protects {@code POST /api/articles}, query its saved searches
 * and, when reads are protected, its reads.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
               AccessProperties.Reads reads);
}
