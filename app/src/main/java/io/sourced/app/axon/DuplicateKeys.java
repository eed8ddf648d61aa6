package io.sourced.app.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Recognises a unique-key violation by its SQL state, 23505 on H2 and PostgreSQL alike. Axon's JDBC resolver looks
 * for the exception class H2 throws, which PostgreSQL's driver does not use: there two replicas appending to one
 * aggregate at once would fail with a bare store error instead of a write conflict to retry.
 */
final class DuplicateKeys implements BeanPostProcessor {

    private static final String UNIQUE_VIOLATION = "23505";

    static boolean violated(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof SQLException sql && uniqueViolation(sql));
    }

    /** PostgreSQL's driver reports a batch's failure on the batch exception's next exception. */
    private static boolean uniqueViolation(SQLException first) {
        for (SQLException sql = first; sql != null; sql = sql.getNextException()) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof PersistenceExceptionResolver resolver) {
            return (PersistenceExceptionResolver)
                    exception -> resolver.isDuplicateKeyViolation(exception) || violated(exception);
        }
        return bean;
    }
}
