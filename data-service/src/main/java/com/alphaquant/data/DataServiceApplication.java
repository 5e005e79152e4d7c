package com.alphaquant.data;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DataServiceApplication {

    public static void main(String[] args) {
        boolean once = java.util.Arrays.asList(args).contains("--alphaquant.ingest.once=true");
        if (once) {
            com.alphaquant.data.cli.Databases.createIfMissing(System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/alphaquant"),
                    System.getenv().getOrDefault("DATABASE_USER", "postgres"), System.getenv().getOrDefault("DATABASE_PASSWORD", ""));
        }
        // In the one-shot ingest mode (alphaquant ingest) the exit code tells the shell how it went.
        var context = SpringApplication.run(DataServiceApplication.class, args);
        if (context.getEnvironment().getProperty("alphaquant.ingest.once", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
