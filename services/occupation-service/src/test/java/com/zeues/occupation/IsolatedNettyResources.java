package com.zeues.occupation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each test application its own Netty event loops: by default they are Reactor Netty's global ones, and closing one
 * of two applications in the same JVM (two instances of the service in one test) would dispose them under the
 * other one's server.
 */
@Configuration(proxyBeanMethods = false)
class IsolatedNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory f = new ReactorResourceFactory();
        f.setUseGlobalResources(false);
        return f;
    }
}
