package io.kgrec.api.security;

import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads a caller from a verified JWT: {@code role} (frontend, analyst, reviewer or admin), optional {@code customer}
 * for a frontend scoped to one customer, and {@code sub} as the name.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Role role = Role.parse(jwt.getClaimAsString("role"))
                .orElseThrow(() -> new InvalidBearerTokenException("the token has no valid 'role' claim"));
        Optional<String> customer = Optional.ofNullable(jwt.getClaimAsString("customer"));
        if (customer.isPresent() && role != Role.FRONTEND) {
            throw new InvalidBearerTokenException("only frontend tokens are scoped to a customer");
        }
        String subject = jwt.getSubject() == null ? "jwt" : jwt.getSubject();
        return new CallerAuthentication(new Caller("jwt:" + subject, role, customer));
    }
}
