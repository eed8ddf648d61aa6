package io.sourced.saga.processing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.spring.config.SpringSagaConfigurer;

/** A saga's configuration as Axon's Spring Boot configuration builds it: its own registration, then the module's. */
public final class SpringBootSagaConfiguration {

    private SpringBootSagaConfiguration() {}

    public static <T> SagaConfiguration<T> of(Class<T> sagaType, ConfigurerModule processing) {
        List<ConfigurerModule> modules = new ArrayList<>(List.of(processing, new SpringSagaConfigurer(sagaType)));
        // the order in which Axon's Spring Boot configuration applies the modules it finds
        modules.sort(Comparator.comparingInt(ConfigurerModule::order));
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        modules.forEach(module -> module.configureModule(configurer));
        Configuration configuration = configurer.buildConfiguration();
        return configuration.eventProcessingConfiguration().sagaConfiguration(sagaType);
    }
}
