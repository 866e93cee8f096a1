package org.newsroom.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security every service gets, on a small app with one read and one write: keys, roles, sources and bearer
 * tokens signed by a key the test makes (what an identity provider's JWKS would hold).
 */
@WebMvcTest(properties = {
        "newsroom.security.api-key=local-key-0123456789abcdef",
        "newsroom.security.keys[0].name=desk",
        "newsroom.security.keys[0].key=desk-key-0123456789abcdef",
        "newsroom.security.keys[0].roles=ingest",
        "newsroom.security.keys[0].sources=desk",
        "newsroom.security.keys[1].name=reader",
        "newsroom.security.keys[1].sha256=" + AccessTests.READER_KEY_SHA256,
        "newsroom.security.keys[1].roles=read"})
class AccessTests {

    static final String READER_KEY = "reader-key-0123456789abcdef";
    /** {@code printf %s reader-key-0123456789abcdef | sha256sum} */
    static final String READER_KEY_SHA256 = "75b38889ff0e52878a7637a97ae16cbe0af0f5542459765a705db1e2e8b7d33d";

    static final KeyPair SIGNING = rsa();

    @SpringBootApplication
    @RestController
    static class App {

        @GetMapping("/api/things")
        String read() {
            return "things";
        }

        @PostMapping("/api/things/{source}")
        String write(@PathVariable String source, Authentication principal) {
            if (!Principals.maySource(principal, source)) {
                throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
            }
            return "written by " + principal.getName();
        }

        @Bean
        AccessRules rules() {
            return (requests, reads) -> {
                AccessAutoConfiguration.reads(requests, reads, "/api/things");
                requests.requestMatchers(HttpMethod.POST, "/api/things/**").hasRole(Role.ingest.name());
            };
        }
    }

    @DynamicPropertySource
    static void jwtIssuer(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(SIGNING.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void readsAreOpenByDefault() throws Exception {
        mvc.perform(get("/api/things")).andExpect(status().isOk());
    }

    @Test
    void aWriteWithoutAPrincipalIsUnauthorizedWithAProblem() throws Exception {
        mvc.perform(post("/api/things/desk"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Api-Key")));
    }

    @Test
    void aWrongKeyIsUnauthorizedEvenForAnOpenRead() throws Exception {
        mvc.perform(get("/api/things").header("X-Api-Key", "desk-key-0123456789abcdeX")).andExpect(status().isUnauthorized());
    }

    @Test
    void aKeyWithTheRoleMayWriteItsOwnSource() throws Exception {
        mvc.perform(post("/api/things/desk").header("X-Api-Key", "desk-key-0123456789abcdef"))
                .andExpect(status().isOk()).andExpect(content().string("written by desk"));
    }

    @Test
    void aKeyMayNotWriteAnotherSource() throws Exception {
        mvc.perform(post("/api/things/reuters").header("X-Api-Key", "desk-key-0123456789abcdef"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aKeyWithoutTheRoleIsForbidden() throws Exception {
        mvc.perform(post("/api/things/desk").header("X-Api-Key", READER_KEY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void aKeyMayAlsoComeInTheAuthorizationHeader() throws Exception {
        mvc.perform(post("/api/things/desk").header("Authorization", "ApiKey desk-key-0123456789abcdef"))
                .andExpect(status().isOk());
    }

    @Test
    void theLocalKeyMayWriteAnySource() throws Exception {
        mvc.perform(post("/api/things/reuters").header("X-Api-Key", "local-key-0123456789abcdef"))
                .andExpect(status().isOk()).andExpect(content().string("written by local"));
    }

    @Test
    void aBearerTokenCarriesItsRolesAndSources() throws Exception {
        String token = token(List.of("ingest"), List.of("wire"), Instant.now().plusSeconds(60));

        mvc.perform(post("/api/things/wire").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(content().string("written by newsdesk-bot"));
        mvc.perform(post("/api/things/desk").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
    }

    @Test
    void anExpiredOrForgedBearerTokenIsUnauthorized() throws Exception {
        String expired = token(List.of("ingest"), List.of("wire"), Instant.now().minusSeconds(3600));
        String forged = token(List.of("ingest"), List.of("wire"), Instant.now().plusSeconds(60), rsa());

        mvc.perform(post("/api/things/wire").header("Authorization", "Bearer " + expired)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/things/wire").header("Authorization", "Bearer " + forged)).andExpect(status().isUnauthorized());
    }

    private static String token(List<String> roles, List<String> sources, Instant expires) throws Exception {
        return token(roles, sources, expires, SIGNING);
    }

    private static String token(List<String> roles, List<String> sources, Instant expires, KeyPair signer) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("newsdesk-bot").claim("roles", roles)
                .claim("sources", sources).issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
