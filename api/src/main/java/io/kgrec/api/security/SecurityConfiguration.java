package io.kgrec.api.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Authentication for the API: {@code X-API-Key} (keys from {@code KGREC_API_KEYS}) or {@code Authorization: Bearer}
 * JWTs signed with HS256 by {@code KGREC_JWT_SECRET}. With neither configured, the documented demo keys are active and
 * a warning says so. {@code /graphql} needs a credential; GraphiQL and static pages do not (their calls do).
 * What each role may do is decided per operation by {@link Access}.
 */
@Configuration
public class SecurityConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiKeys apiKeys(Environment env) {
        if (demoKeysActive(env)) {
            LOG.warn("no KGREC_API_KEYS and no KGREC_JWT_SECRET: the documented demo API keys are active, and HTTP "
                    + "listens on loopback only; configure real credentials to expose this service");
            return ApiKeys.demoKeys();
        }
        return ApiKeys.parse(env.getProperty("KGREC_API_KEYS", ""));
    }

    /** Whether the documented demo keys are the credentials: neither KGREC_API_KEYS nor KGREC_JWT_SECRET is set. */
    static boolean demoKeysActive(Environment env) {
        return env.getProperty("KGREC_API_KEYS", "").isBlank() && env.getProperty("KGREC_JWT_SECRET", "").isBlank();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, Environment env) throws Exception {
        String secret = env.getProperty("KGREC_JWT_SECRET", "");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/graphql", "/graphql/**").authenticated()
                        .anyRequest().permitAll())
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        UnauthenticatedResponse.write(response, "a credential is required: X-API-Key or a Bearer token")));
        if (!secret.isBlank()) {
            var decoder = BearerTokens.decoder(secret, env.getProperty("kgrec.security.jwt.max-lifetime",
                    Duration.class, BearerTokens.DEFAULT_MAX_LIFETIME));
            http.oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtCallers()))
                    .authenticationEntryPoint((request, response, ex) ->
                            UnauthenticatedResponse.write(response, "the bearer token is not valid")));
        }
        return http.build();
    }
}
