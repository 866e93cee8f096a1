package org.newsroom.ingest.intake.http;

import org.newsroom.access.AccessRules;
import org.newsroom.access.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Pushing articles needs the {@code ingest} role; which sources it may push is checked per article. The OpenAPI
 * description and Swagger UI are open.
 */
@Configuration(proxyBeanMethods = false)
public class SubmissionAccess {

    @Bean
    AccessRules submissionRules() {
        return (requests, reads) -> {
            requests.requestMatchers(HttpMethod.POST, "/api/articles").hasRole(Role.ingest.name());
            // the API's description is public, as query-service's
            requests.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll();
        };
    }
}
