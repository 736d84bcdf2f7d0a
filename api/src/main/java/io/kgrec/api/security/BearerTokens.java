package io.kgrec.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies Bearer JWTs signed with HS256 by {@code KGREC_JWT_SECRET}. Beyond the signature and Spring's checks of
 * {@code exp} and {@code nbf}, a token must have an {@code exp}, and may live at most the configured lifetime from its
 * {@code iat} (or from now, without one): a leaked token without an end would otherwise work forever.
 */
final class BearerTokens {
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

    private BearerTokens() {
    }

    static JwtDecoder decoder(String secret, Duration maxLifetime) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("KGREC_JWT_SECRET must have at least 32 bytes for HS256");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(bytes, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                lifetimeAtMost(maxLifetime)));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> lifetimeAtMost(Duration maxLifetime) {
        return jwt -> {
            Instant expires = jwt.getExpiresAt();
            if (expires == null) {
                return invalid("the token has no 'exp' claim; kgrec accepts only tokens that expire");
            }
            Instant from = jwt.getIssuedAt() != null ? jwt.getIssuedAt() : Instant.now();
            if (Duration.between(from, expires).compareTo(maxLifetime) > 0) {
                return invalid("the token lives longer than kgrec.security.jwt.max-lifetime (" + maxLifetime + ")");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
