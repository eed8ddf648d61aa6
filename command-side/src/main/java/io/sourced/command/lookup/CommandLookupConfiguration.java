package io.sourced.command.lookup;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lookup tables must change in the same transaction as the event, and a failure there must fail
 * the command: a subscribing processor whose errors propagate.
 */
@Configuration(proxyBeanMethods = false)
class CommandLookupConfiguration {

    @Bean
    ConfigurerModule commandLookupsProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(KnownIdsRecorder.GROUP)
                .registerListenerInvocationErrorHandler(
                        KnownIdsRecorder.GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
