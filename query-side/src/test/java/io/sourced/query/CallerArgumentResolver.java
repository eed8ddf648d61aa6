package io.sourced.query;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Stands in for the application's resolver: hands controllers whichever caller the test signs in. */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private Caller caller = admin();

    public static Caller admin() {
        return new Caller("admin", Set.of(Caller.ADMIN), null);
    }

    public static Caller customer(CustomerId customerId) {
        return new Caller("customer", Set.of(Caller.CUSTOMER), customerId);
    }

    public void signIn(Caller caller) {
        this.caller = caller;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return caller;
    }
}
