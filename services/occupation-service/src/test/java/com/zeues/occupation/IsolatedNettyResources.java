package com.zeues.occupation;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Netty event loops of its own for a second application in the same JVM (a peer instance): by default they are
 * Reactor Netty's global ones, and closing the peer would dispose them under the first instance's server. Given to
 * the peer's application as a source; deliberately not a {@code @Configuration}, which the application's component
 * scan would pick up in every test.
 */
class IsolatedNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory f = new ReactorResourceFactory();
        f.setUseGlobalResources(false);
        return f;
    }
}
