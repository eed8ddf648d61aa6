package io.sourced.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the command side, the saga and the query side into one application. */
@SpringBootApplication(scanBasePackages = "io.sourced")
public class SourcedApplication {

    public static void main(String[] args) {
        SpringApplication.run(SourcedApplication.class, args);
    }
}
