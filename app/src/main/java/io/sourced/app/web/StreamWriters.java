package io.sourced.app.web;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The threads that write the streams' events (an order's updates, the consumers' feed) to their clients: a bounded
 * pool, not a new thread for each burst, which Spring MVC's default does when the application defines its own
 * scheduler (as the replicas' scheduling does) and Spring Boot then makes no executor for it. A write to a slow client
 * waits for a thread of the pool; it holds none while its stream is idle.
 */
@Configuration(proxyBeanMethods = false)
class StreamWriters implements WebMvcConfigurer, DisposableBean {

    static final int THREADS = 8;

    private final ThreadPoolTaskExecutor writers = new ThreadPoolTaskExecutor();

    StreamWriters() {
        writers.setThreadNamePrefix("stream-writer-");
        writers.setCorePoolSize(THREADS);
        writers.setMaxPoolSize(THREADS);
        writers.setAllowCoreThreadTimeOut(true);
        writers.initialize();
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setTaskExecutor(writers);
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }
}
