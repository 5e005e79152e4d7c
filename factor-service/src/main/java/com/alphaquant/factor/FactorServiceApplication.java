package com.alphaquant.factor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FactorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FactorServiceApplication.class, args);
    }
}
