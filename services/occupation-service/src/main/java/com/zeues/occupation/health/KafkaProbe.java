package com.zeues.occupation.health;

import com.zeues.occupation.command.CommandSendBreaker;
import com.zeues.occupation.config.ZeuesProperties;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Asks the cluster to describe itself with a 1 s timeout: the health's proof that Kafka answers now. */
@Component
public class KafkaProbe implements DisposableBean {

    private static final int TIMEOUT_MS = 1_000;

    private final Admin admin;
    private final CommandSendBreaker sends;

    public KafkaProbe(ZeuesProperties props, CommandSendBreaker sends) {
        this.sends = sends;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, props.streams().applicationId() + "-health");
        admin = Admin.create(p);
    }

    /** Null when Kafka answered; otherwise what went wrong. */
    public String probe() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 200L, TimeUnit.MILLISECONDS);
            sends.kafkaAnswered();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        }
    }

    @Override
    public void destroy() {
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
