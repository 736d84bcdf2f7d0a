package io.kgrec.api.review;

import io.kgrec.api.security.StaticPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The reviewers' page: static files under {@code static/review/} and cytoscape.js from its WebJar under
 * {@code /webjars/}. The page and its scripts need no credential (they hold no data); every GraphQL call the page
 * makes sends the reviewer's key, and {@code /graphql} stays behind the API's own filter chain.
 */
@Configuration
public class ReviewPage {
    /**
     * Scripts, styles and calls from this origin only: no CDN can be added by accident, and injected markup could
     * not run script. {@code data:} images allow the empty favicon that spares a 404.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Matched before the API's catch-all chain, so these paths get the page's headers and never ask for a key. */
    @Bean
    @Order(1)
    SecurityFilterChain reviewPageFiles(HttpSecurity http) throws Exception {
        return StaticPages.chain(http, CONTENT_SECURITY_POLICY, "/review", "/review/**", "/webjars/**");
    }

    @Bean
    WebMvcConfigurer reviewPageIndex() {
        return StaticPages.index("review");
    }
}
