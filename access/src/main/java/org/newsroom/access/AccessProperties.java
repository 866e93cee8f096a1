package org.newsroom.access;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what ({@code newsroom.security.*}), the same on every service.
 *
 * @param apiKey the local key ({@code NEWSROOM_API_KEY}): a principal named {@code local} with every role and every
 *               source, what {@code ./newsroom up} generates and prints; blank for none
 * @param keys   further API keys, each with its own name, roles and sources
 * @param reads  whether searching and reading need a principal with the {@code read} role
 * @param jwt    how roles and sources are read from bearer tokens, when a JWT issuer is configured
 *               ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri})
 */
@ConfigurationProperties("newsroom.security")
public record AccessProperties(String apiKey, @DefaultValue List<ApiKey> keys, @DefaultValue("open") Reads reads,
                               @DefaultValue Jwt jwt) {

    /** The name of the principal behind {@link #apiKey()}. */
    public static final String LOCAL_PRINCIPAL = "local";
    /** In a principal's sources: every source. */
    public static final String ANY_SOURCE = "*";
    /** Shorter keys are refused at start-up: they could be guessed. */
    public static final int MIN_KEY_LENGTH = 16;

    public enum Reads { open, authenticated }

    /**
     * One API key. Give either {@code key} or, to keep the secret out of the configuration, {@code sha256}: the
     * hex SHA-256 of the key.
     *
     * @param name    the principal's name, in logs and as the owner of its saved searches
     * @param key     the key itself
     * @param sha256  the key's SHA-256, hex
     * @param roles   what it may do
     * @param sources the sources whose articles it may write, correct and kill ({@code *} for all)
     */
    public record ApiKey(String name, String key, String sha256, @DefaultValue Set<Role> roles,
                         @DefaultValue List<String> sources) {

        public ApiKey {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("each of newsroom.security.keys needs a name");
            }
            boolean hasKey = key != null && !key.isBlank();
            boolean hasHash = sha256 != null && !sha256.isBlank();
            if (hasKey == hasHash) {
                throw new IllegalArgumentException("newsroom.security.keys '" + name + "' needs exactly one of key and sha256");
            }
            if (hasKey && key.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("the key of '" + name + "' is shorter than " + MIN_KEY_LENGTH + " characters");
            }
            if (hasHash && !sha256.strip().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("newsroom.security.keys '" + name + "' sha256 must be 64 hex digits");
            }
            roles = Set.copyOf(roles);
            sources = List.copyOf(sources);
        }

        /** Never the key: properties end up in logs and error messages. */
        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", roles=" + roles + ", sources=" + sources + "]";
        }
    }

    /**
     * @param rolesClaim   the claim holding the principal's roles (names of {@link Role})
     * @param sourcesClaim the claim holding the sources it may write
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sources") String sourcesClaim) {
    }

    public AccessProperties {
        if (apiKey != null && !apiKey.isBlank() && apiKey.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("newsroom.security.api-key (NEWSROOM_API_KEY) is shorter than "
                    + MIN_KEY_LENGTH + " characters");
        }
        keys = List.copyOf(keys);
    }

    /** Every key, the local one first. */
    List<ApiKey> allKeys() {
        if (apiKey == null || apiKey.isBlank()) {
            return keys;
        }
        ApiKey local = new ApiKey(LOCAL_PRINCIPAL, apiKey, null, Set.of(Role.values()), List.of(ANY_SOURCE));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(local), keys.stream()).toList();
    }

    @Override
    public String toString() {
        return "AccessProperties[apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "set") + ", keys=" + keys
                + ", reads=" + reads + ", jwt=" + jwt + "]";
    }
}
