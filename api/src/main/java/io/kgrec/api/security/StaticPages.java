package io.kgrec.api.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the service's own static pages (the reviewers' page, GraphiQL) share: files that need no credential (they hold
 * no data; their GraphQL calls carry the user's key) served under a strict Content-Security-Policy, and an index at
 * the folder's path.
 */
public final class StaticPages {
    private StaticPages() {
    }

    /** A filter chain for these paths, matched before the API's catch-all chain: no key, the page's policy. */
    public static SecurityFilterChain chain(HttpSecurity http, String contentSecurityPolicy, String... paths)
            throws Exception {
        http.securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy)));
        return http.build();
    }

    /** {@code /<folder>} redirects to {@code /<folder>/}, which shows {@code static/<folder>/index.html}. */
    public static WebMvcConfigurer index(String folder) {
        return new WebMvcConfigurer() {
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                // The page's relative links (../graphql, ../webjars) need the trailing slash.
                registry.addRedirectViewController("/" + folder, "/" + folder + "/");
                registry.addViewController("/" + folder + "/").setViewName("forward:/" + folder + "/index.html");
            }
        };
    }
}
