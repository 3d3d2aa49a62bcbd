package com.zeues.connector;

import com.zeues.process.ParentWatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sheets connector: master data from the spreadsheet into Kafka and events from Kafka into the sheet, with a
 * small HTTP surface ({@code /api/health}, the sink's status and resync, actuator) on {@code ZEUES_CONNECTOR_PORT}
 * (8081).
 */
@SpringBootApplication
public class SheetsConnectorApplication {

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        // SERVER_PORT belongs to the occupation service (the launcher may pass it down): the connector's port is
        // ZEUES_CONNECTOR_PORT, set as a system property so that an inherited SERVER_PORT cannot win.
        // --server.port on the command line still does.
        if (System.getProperty("server.port") == null) {
            String port = System.getenv("ZEUES_CONNECTOR_PORT");
            System.setProperty("server.port", port == null || port.isBlank() ? "8081" : port.trim());
        }
        SpringApplication.run(SheetsConnectorApplication.class, args);
    }
}
