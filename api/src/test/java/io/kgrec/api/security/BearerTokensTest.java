package io.kgrec.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class BearerTokensTest {
    private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    private final JwtDecoder decoder = BearerTokens.decoder(SECRET, Duration.ofHours(1));

    @Test
    void accepts_a_token_that_expires_within_the_maximum_lifetime() throws Exception {
        Instant now = Instant.now();
        String token = sign(claims().issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))));

        assertThat(decoder.decode(token).getClaimAsString("role")).isEqualTo("analyst");
    }

    @Test
    void refuses_a_token_without_exp() throws Exception {
        String token = sign(claims().issueTime(new Date()));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("no 'exp' claim");
    }

    @Test
    void refuses_a_token_that_lives_longer_than_the_maximum() throws Exception {
        Instant now = Instant.now();
        String token = sign(claims().issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(30)))));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("max-lifetime");
    }

    @Test
    void refuses_an_expired_token() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = sign(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refuses_a_secret_shorter_than_32_bytes() {
        assertThatThrownBy(() -> BearerTokens.decoder("short", Duration.ofHours(1)))
                .hasMessageContaining("at least 32 bytes");
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("tester").claim("role", "analyst");
    }

    private static String sign(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
