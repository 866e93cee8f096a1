package org.newsroom.query.web;

import org.newsroom.access.AccessAutoConfiguration;
import org.newsroom.access.AccessRules;
import org.newsroom.access.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use query-service: searching, reading and live streams are reads (open unless
 * {@code newsroom.security.reads=authenticated}); saved searches, which make the service send requests and keep
 * state, always need the {@code alerts} role; the page and the API description are open, the data behind them is not.
 */
@Configuration(proxyBeanMethods = false)
public class QueryAccess {

    @Bean
    AccessRules queryRules() {
        return (requests, reads) -> {
            requests.requestMatchers(HttpMethod.GET, "/", "/index.html", "/app.js", "/app.css", "/favicon.ico",
                    "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**").permitAll();
            AccessAutoConfiguration.reads(requests, reads, "/api/search", "/api/suggest", "/api/articles/**",
                    "/api/stories/**", "/api/stream");
            requests.requestMatchers("/api/alerts", "/api/alerts/**").hasAnyRole(Role.alerts.name(), Role.admin.name());
        };
    }
}
