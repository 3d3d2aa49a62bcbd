package com.zeues.connector.config;

import com.zeues.connector.kafka.KafkaClients;
import com.zeues.connector.master.MasterDataParser;
import com.zeues.connector.master.MasterDataSync;
import com.zeues.connector.master.PublishedMasterData;
import com.zeues.connector.master.SheetReader;
import com.zeues.connector.master.SyncRequestListener;
import com.zeues.connector.sheets.GoogleSheetsGateway;
import com.zeues.connector.sheets.SheetsClientFactory;
import com.zeues.connector.sheets.SheetsGateway;
import com.zeues.connector.sink.SheetSink;
import com.zeues.domain.time.BusinessTime;
import com.zeues.topology.TopicRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the connector from {@link ConnectorProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorProperties.class)
public class ConnectorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorConfiguration.class);

    @Bean
    TopicRegistry topicRegistry(ConnectorProperties props) {
        return new TopicRegistry(props.topics().settings());
    }

    @Bean
    BusinessTime businessTime(ConnectorProperties props) {
        return new BusinessTime(props.businessZone());
    }

    @Bean
    KafkaClients kafkaClients(ConnectorProperties props, KafkaProperties kafka) {
        return new KafkaClients(props.kafka().bootstrapServers(), kafka.buildProducerProperties(),
                kafka.buildConsumerProperties(), kafka.buildAdminProperties());
    }

    @Bean
    SheetsClientFactory.Target sheetsTarget(ConnectorProperties props) {
        ConnectorProperties.Sheets s = props.sheets();
        SheetsClientFactory.Target target = SheetsClientFactory.target(s.endpoint(), s.googleRootUrl(),
                s.credentialsFile(), s.credentialsJson());
        log.info("spreadsheet {} on the {}; Kafka at {}", s.spreadsheetId(), target.describe(),
                props.kafka().bootstrapServers());
        return target;
    }

    @Bean
    GoogleSheetsGateway sheetsGateway(ConnectorProperties props, SheetsClientFactory.Target target) {
        ConnectorProperties.Sheets s = props.sheets();
        return new GoogleSheetsGateway(SheetsClientFactory.build(target, s.connectTimeout(), s.readTimeout()),
                s.spreadsheetId());
    }

    /** The sheet sink; its consumer group is {@code <prefix>zeues-sheets-sink}. */
    @Bean
    SheetSink sheetSink(ConnectorProperties props, TopicRegistry topics, KafkaClients clients,
                        GoogleSheetsGateway gateway, BusinessTime time, MeterRegistry meters) {
        return new SheetSink(topics, clients, gateway, gateway, props.sink(), props.sheets().spreadsheetId(),
                sinkGroupId(props.topics().prefix()), time, meters);
    }

    /** The sink's consumer group: the occupation service computes the sink's lag from the same name. */
    public static String sinkGroupId(String topicPrefix) {
        return topicPrefix + "zeues-sheets-sink";
    }

    @Bean
    PublishedMasterData publishedMasterData() {
        return new PublishedMasterData();
    }

    @Bean
    MasterDataSync masterDataSync(ConnectorProperties props, TopicRegistry topics, KafkaClients clients,
                                  SheetsGateway gateway, PublishedMasterData published, MeterRegistry meters) {
        SheetReader reader = new SheetReader(gateway, new MasterDataParser(props.businessZone()));
        ConnectorProperties.Sync s = props.sync();
        return new MasterDataSync(topics, clients, reader, published,
                new MasterDataSync.Timing(s.interval(), s.retryMin(), s.retryMax()), meters);
    }

    @Bean
    SyncRequestListener syncRequestListener(ConnectorProperties props, TopicRegistry topics, KafkaClients clients,
                                            MasterDataSync sync) {
        return new SyncRequestListener(clients, topics, props.topics().prefix() + "zeues-sheets-connector", sync);
    }
}
