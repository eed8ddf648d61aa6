package io.sourced.command.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.command.refusal.InvalidRefusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The sign-in and the account's events must commit together: the controller method is the transaction. */
class CustomerCommandControllerTransactionTest {

    private final AnnotationConfigApplicationContext context =
            new AnnotationConfigApplicationContext(TransactionalSetup.class);
    private final CustomerCommandController controller = context.getBean(CustomerCommandController.class);
    private final CommandGateway gateway = context.getBean(CommandGateway.class);
    private final JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

    @AfterEach
    void tearDown() {
        jdbc.execute("SHUTDOWN");
        context.close();
    }

    @Test
    void openCustomer_withSignIn_opensTheAccountInTheSignInsTransaction() {
        AtomicBoolean sentInTransaction = new AtomicBoolean();
        when(gateway.sendAndWait(any(OpenAccountCommand.class))).thenAnswer(invocation -> {
            sentInTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
            return null;
        });

        controller.open(new OpenCustomerRequest("Carol", BigDecimal.TEN, "carol", "secret"));

        assertThat(sentInTransaction).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in", Integer.class)).isEqualTo(1);
    }

    @Test
    void openCustomer_accountRefused_leavesNoSignIn() {
        when(gateway.sendAndWait(any(OpenAccountCommand.class))).thenThrow(new InvalidRefusal("name", "is wrong"));

        assertThatThrownBy(() -> controller.open(new OpenCustomerRequest("Carol", null, "carol", "secret")))
                .isInstanceOf(InvalidRefusal.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in", Integer.class)).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class TransactionalSetup {

        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:signins-" + UUID.randomUUID()
                                               + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE sign_in (username VARCHAR(40) PRIMARY KEY, customer_id VARCHAR(36))");
            return jdbc;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        CustomerSignIns customerSignIns(JdbcTemplate jdbc) {
            return (username, password, customerId) ->
                    jdbc.update("INSERT INTO sign_in (username, customer_id) VALUES (?, ?)", username, customerId.value());
        }

        @Bean
        CommandGateway commandGateway() {
            return mock(CommandGateway.class);
        }

        @Bean
        CustomerCommandController customerCommandController(CommandGateway gateway, CustomerSignIns signIns) {
            return new CustomerCommandController(gateway, signIns);
        }
    }
}
