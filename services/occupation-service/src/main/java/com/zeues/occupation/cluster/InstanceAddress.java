package com.zeues.occupation.cluster;

import com.zeues.occupation.config.ZeuesProperties;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the other instances reach this one: {@code zeues.streams.application-server} when set (containers, several
 * machines), else {@code 127.0.0.1} and the port the web server took (several instances on one machine).
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

    /** This instance's address; known once the web server has started (the topology starts after it). */
    public HostInfo self() {
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        String port = env.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the web server has not started yet: no port to advertise");
        }
        return new HostInfo("127.0.0.1", Integer.parseInt(port));
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
