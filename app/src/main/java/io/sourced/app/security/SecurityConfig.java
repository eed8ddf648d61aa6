package io.sourced.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.caller.Caller;
import io.sourced.query.log.consumers.ConsumerTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP Basic on the API, a form login for pages; both check the same sign-ins. Role-only rules live here;
 * "a customer sees only their own" is each controller's rule (answered 404, never 403).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInSettings.class)
class SecurityConfig {

    private static final String ADMIN = Caller.ADMIN;
    private static final String CUSTOMER = Caller.CUSTOMER;
    private static final String CONSUMER = Caller.CONSUMER_ROLE;
    private static final String METRICS = ConfiguredSignIns.METRICS;

    /** The pages load only their own scripts, styles, images and fonts, post only to themselves, and are never framed. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** What the simulated shipping partner received: real orders, for the admin only (the pages' chain says so). */
    private static final RequestMatcher SHIPMENTS_LIST =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/sim/shipping/shipments");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's observations (of each filter, sign-in and access decision) are read by no one, and decorating
     * every filter of every request with one costs on each call; without them the filters are not decorated at all.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Every sign-in (API Basic, page form, page Basic) goes through the failed sign-in limit. */
    @Bean
    AuthenticationProvider signIns(
            SignInStore store, PasswordEncoder passwordEncoder, FailedSignIns failures, SignInSettings settings) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(store);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledSignIn(passwords, failures, new RecentSignIns(settings.remember(), Clock.systemUTC()));
    }

    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper).rejected();
    }

    /**
     * The simulated CRM and shipping partner (see io.sourced.simulators) stand for outside systems that know nothing of
     * our sign-ins: the calls this application makes to them (a customer's tier, a shipment) are open, and only when
     * they are enabled; the list of shipments is not one of them. Their callers are HTTP clients (this application's
     * own, a test's), never a browser's session, so the chain keeps only the rule that opens them: no security context,
     * session, CSRF, saved request, headers or logout, each of which is work on every call and protects nothing
     * here. A chain of its own rather than {@code WebSecurity.ignoring()}: the rule stays written beside the others,
     * and Spring Security does not warn at every start about paths it ignores.
     */
    @Bean
    @Order(0)
    @ConditionalOnProperty(name = "sourced.simulators.enabled", havingValue = "true")
    SecurityFilterChain simulators(HttpSecurity http) throws Exception {
        return http.securityMatcher(new AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/sim/**"),
                        new NegatedRequestMatcher(SHIPMENTS_LIST)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(errors -> errors.disable())
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, ObjectProvider<ConsumerTokens> consumerTokens)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper);
        return http.securityMatcher("/api/**")
                // a consumer (bearer token) reads the feed and nothing else; people never read it
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/feed", "/api/feed/**")
                        .hasRole(CONSUMER)
                        .requestMatchers("/api/consumers", "/api/consumers/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/products",
                                "/api/products/*/restock",
                                "/api/products/*/write-offs",
                                "/api/customers/*/transactions/*/reversal")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/customers")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/customers")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                "/api/events",
                                "/api/admin/**",
                                "/api/reports/**",
                                "/api/timelines",
                                "/api/timelines/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .hasAnyRole(ADMIN, CUSTOMER))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                // no session, so no CSRF token: a write must come from a script (ScriptedApiWrites) instead
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ScriptedApiWrites(problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new ConsumerBearerTokens(consumerTokens, problems), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .securityContext(context -> context.securityContextRepository(new PageSessionForReportReads()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/index.html",
                                "/login",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/error",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        // Prometheus scrapes with a sign-in of its own, which opens nothing else
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole(ADMIN, METRICS)
                        .requestMatchers("/actuator/**", "/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(SHIPMENTS_LIST)
                        .hasRole(ADMIN)
                        .anyRequest()
                        .hasAnyRole(ADMIN, CUSTOMER))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new StartPageAfterSignIn())
                        .failureHandler(SecurityConfig::signInFailed)
                        .permitAll())
                .httpBasic(basic ->
                        basic.authenticationEntryPoint(problems.lockedOutOr(new BasicAuthenticationEntryPoint() {
                            {
                                setRealmName("sourced");
                            }
                        })))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .build();
    }

    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.sendRedirect(
                request.getContextPath() + (e instanceof TooManyFailedSignIns ? "/login?locked" : "/login?error"));
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
