package com.zeues.occupation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeues.occupation.config.ZeuesProperties;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The address the topology advertises, and when it is known. */
class InstanceAddressTest {

    private static InstanceAddress address(MockEnvironment env) {
        ZeuesProperties props = Binder.get(env).bindOrCreate("zeues", ZeuesProperties.class);
        return new InstanceAddress(props, env);
    }

    @Test
    void aFixedServerPortIsKnownBeforeTheWebServerStarts() {
        InstanceAddress a = address(new MockEnvironment().withProperty("server.port", "8080"));
        assertThat(a.known()).contains(new HostInfo("127.0.0.1", 8080));
    }

    @Test
    void aRandomPortIsUnknownUntilTheServerTookOne() {
        MockEnvironment env = new MockEnvironment().withProperty("server.port", "0");
        InstanceAddress a = address(env);
        assertThat(a.known()).isEmpty();
        assertThatThrownBy(a::self).isInstanceOf(IllegalStateException.class);
        env.setProperty("local.server.port", "41234");
        assertThat(a.self()).isEqualTo(new HostInfo("127.0.0.1", 41234));
    }

    @Test
    void aConfiguredApplicationServerWinsOverThePort() {
        InstanceAddress a = address(new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("zeues.streams.application-server", "occupation-2:8080"));
        assertThat(a.self()).isEqualTo(new HostInfo("occupation-2", 8080));
    }
}
