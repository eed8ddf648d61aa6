package io.sourced.app.web;

import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Blackbird in the application's ObjectMapper: every request body read and every answer written goes through
 * accessors Jackson generates once per property instead of reflection on each call. Axon's serializers build their
 * own mappers and find the module on the class path themselves ({@code findAndRegisterModules}).
 */
@Configuration(proxyBeanMethods = false)
class JsonModules {

    @Bean
    BlackbirdModule blackbird() {
        return new BlackbirdModule();
    }
}
