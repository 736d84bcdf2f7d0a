package io.kgrec.api.graphiql;

import io.kgrec.api.security.StaticPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}, served entirely from this jar: the page under {@code static/graphiql/}, GraphiQL and
 * React from their WebJars under {@code /webjars/} (whose filter chain is the reviewers' page's). Spring for GraphQL's
 * own GraphiQL page is switched off because it loads everything from a CDN, so it shows only "Loading..." on a
 * machine without internet access. The page needs no credential; its GraphQL calls carry the headers the user types
 * in the Headers tab, and {@code /graphql} stays behind the API's own filter chain. The schema for GraphiQL's
 * documentation comes from {@code /graphql/schema} ({@code spring.graphql.schema.printer.enabled}), fetched with the
 * same headers, because GraphiQL's introspection query is deeper than the service's depth limit.
 */
@Configuration
public class GraphiQlPage {
    /**
     * Scripts, styles and calls from this origin only. GraphiQL's stylesheet embeds its fonts as {@code data:} URLs,
     * and {@code data:} images allow the empty favicon that spares a 404.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /** Matched before the API's catch-all chain, so these paths get the page's headers and never ask for a key. */
    @Bean
    @Order(2)
    SecurityFilterChain graphiQlPageFiles(HttpSecurity http) throws Exception {
        return StaticPages.chain(http, CONTENT_SECURITY_POLICY, "/graphiql", "/graphiql/**");
    }

    @Bean
    WebMvcConfigurer graphiQlPageIndex() {
        return StaticPages.index("graphiql");
    }
}
