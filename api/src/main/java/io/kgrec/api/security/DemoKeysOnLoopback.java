package io.kgrec.api.security;

import io.kgrec.api.start.StartRefused;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the demo API keys active, HTTP listens on loopback only, as the embedded Bolt port does: the demo keys are
 * published in the README, and {@code demo-admin-key} may erase customers. Exposing the service takes configured
 * credentials; an explicit non-loopback {@code server.address} with the demo keys is refused. Runs after Spring Boot's
 * own customizer, which applies {@code server.address}.
 */
@Component
public class DemoKeysOnLoopback implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(DemoKeysOnLoopback.class);

    private final Environment env;

    public DemoKeysOnLoopback(Environment env) {
        this.env = env;
    }

    /**
     * @throws StartRefused if {@code server.address} is not loopback while the demo keys are active
     */
    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (!SecurityConfiguration.demoKeysActive(env)) {
            return;
        }
        String address = env.getProperty("server.address", "");
        if (address.isBlank()) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            LOG.info("the demo API keys are active: HTTP listens on {} only", InetAddress.getLoopbackAddress()
                    .getHostAddress());
            return;
        }
        if (!loopback(address)) {
            throw new StartRefused("server.address " + address + " would expose the service with the published demo "
                    + "API keys (demo-admin-key may erase customers)",
                    "set KGREC_API_KEYS or KGREC_JWT_SECRET, or leave server.address unset to listen on 127.0.0.1");
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new StartRefused("server.address " + address + " is not a known host", "correct server.address");
        }
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
