package org.newsroom.ingest.intake.http;

import org.newsroom.access.AccessRules;
import org.newsroom.access.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Pushing articles needs the {@code ingest} role; which sources it may push is checked per article. */
@Configuration(proxyBeanMethods = false)
public class SubmissionAccess {

    @Bean
    AccessRules submissionRules() {
        return (requests, reads) -> requests.requestMatchers(HttpMethod.POST, "/api/articles").hasRole(Role.ingest.name());
    }
}
