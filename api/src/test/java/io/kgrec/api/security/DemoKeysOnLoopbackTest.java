package io.kgrec.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.api.start.StartFailureAnalyzer;
import io.kgrec.api.start.StartRefused;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** With the published demo keys, HTTP stays on loopback; exposing the service takes configured credentials. */
class DemoKeysOnLoopbackTest {

    private static TomcatServletWebServerFactory customized(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        // Ahead of the machine's own environment, which may hold KGREC_API_KEYS.
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new DemoKeysOnLoopback(env).customize(factory);
        return factory;
    }

    @Test
    void with_the_demo_keys_http_listens_on_loopback() {
        TomcatServletWebServerFactory factory = customized(Map.of("KGREC_API_KEYS", "", "KGREC_JWT_SECRET", ""));

        assertThat(factory.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void with_configured_keys_the_address_is_left_to_the_configuration() {
        TomcatServletWebServerFactory factory = customized(Map.of("KGREC_API_KEYS", "a-real-key-0001=admin"));

        assertThat(factory.getAddress()).isNull();
    }

    @Test
    void with_the_demo_keys_an_explicit_loopback_address_is_allowed() {
        TomcatServletWebServerFactory factory = customized(Map.of("KGREC_API_KEYS", "", "KGREC_JWT_SECRET", "",
                "server.address", "127.0.0.1"));

        assertThat(factory.getAddress()).isNull();
    }

    @Test
    void with_the_demo_keys_an_address_beyond_loopback_is_refused_in_one_line() {
        assertThatThrownBy(() -> customized(Map.of("KGREC_API_KEYS", "", "KGREC_JWT_SECRET", "",
                "server.address", "0.0.0.0")))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("server.address 0.0.0.0")
                .hasMessageContaining("demo")
                .satisfies(e -> assertThat(StartFailureAnalyzer.analysis(e)).get()
                        .satisfies(a -> assertThat(a.getAction()).contains("KGREC_API_KEYS", "KGREC_JWT_SECRET")));
    }
}
