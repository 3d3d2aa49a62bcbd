package com.zeues.occupation;

import com.zeues.process.ParentWatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OccupationServiceApplication {

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        SpringApplication.run(OccupationServiceApplication.class, args);
    }
}
