package org.newsroom.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The one security set-up of every service: stateless, no sessions or cookies (so no CSRF to defend), API keys
 * in {@code X-Api-Key}, bearer tokens when a JWT issuer is configured, refusals as problem JSON. Health and info are
 * open (details only for {@code admin}); every other actuator endpoint needs {@code admin}; the service's
 * {@link AccessRules} come next; anything left needs a principal.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({AccessProperties.class, HttpLimits.class})
public class AccessAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessAutoConfiguration.class);

    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(AccessProperties properties) {
        ApiKeys keys = new ApiKeys(properties.allKeys());
        if (keys.isEmpty()) {
            log.warn("No API key is configured (newsroom.security.api-key / NEWSROOM_API_KEY, newsroom.security.keys):"
                    + " every write is refused until one is");
        }
        return new ApiKeyAuthenticationProvider(keys);
    }

    /** Ahead of security: an oversized body is refused before anything reads it, a key check included. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpLimits limits) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    SecurityFilterChain accessFilterChain(HttpSecurity http, AccessProperties properties,
                                          ApiKeyAuthenticationProvider apiKeys, ObjectProvider<AccessRules> serviceRules,
                                          ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        AccessProblems problems = new AccessProblems();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    requests.requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                            .hasAnyRole(Role.metrics.name(), Role.admin.name());
                    requests.requestMatchers("/actuator/**").hasRole(Role.admin.name());
                    // Error pages render the problem of a request already authorised (or refused) above.
                    requests.requestMatchers("/error").permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests, properties.reads()));
                    requests.anyRequest().authenticated();
                });
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtPrincipals(properties.jwt())))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    /** Shorthand for services' rules: GET and HEAD of these paths are reads. */
    public static void reads(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                             AccessProperties.Reads reads, String... paths) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            if (reads == AccessProperties.Reads.open) {
                requests.requestMatchers(method, paths).permitAll();
            } else {
                requests.requestMatchers(method, paths).hasAnyRole(Role.read.name(), Role.admin.name());
            }
        }
    }
}
