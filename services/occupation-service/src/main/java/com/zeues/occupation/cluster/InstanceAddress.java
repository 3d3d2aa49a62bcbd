package com.zeues.occupation.cluster;

import com.zeues.occupation.config.ZeuesProperties;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the other instances reach this one: {@code zeues.streams.application-server} when set (containers, several
 * machines), else {@code 127.0.0.1} and the web server's port: {@code server.port} when fixed (known before the
 * server starts, so the topology need not wait for it), else the port the server took (port 0 in tests).
 */
@Component
public class InstanceAddress {

    private final String configured;
    private final Environment env;

    public InstanceAddress(ZeuesProperties props, Environment env) {
        this.configured = props.streams().applicationServer();
        this.env = env;
        if (configured != null && !configured.isBlank()) {
            parse(configured); // a typo fails the start, not the first forwarded query
        }
    }

    /** This instance's address; with a random port, known only once the web server has started. */
    public HostInfo self() {
        return known().orElseThrow(
                () -> new IllegalStateException("the web server has not started yet: no port to advertise"));
    }

    /** This instance's address, or empty while a random port has not been taken yet. */
    public Optional<HostInfo> known() {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(parse(configured));
        }
        Integer port = env.getProperty("local.server.port", Integer.class);
        if (port == null) {
            Integer fixed = env.getProperty("server.port", Integer.class);
            port = fixed != null && fixed > 0 ? fixed : null;
        }
        return Optional.ofNullable(port).map(p -> new HostInfo("127.0.0.1", p));
    }

    static HostInfo parse(String endpoint) {
        String e = endpoint.trim();
        int colon = e.lastIndexOf(':');
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(e.substring(colon + 1)) : -1;
        } catch (NumberFormatException ex) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("zeues.streams.application-server must be host:port, got '" + endpoint
                    + "'");
        }
        return new HostInfo(e.substring(0, colon), port);
    }

    public static String text(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
