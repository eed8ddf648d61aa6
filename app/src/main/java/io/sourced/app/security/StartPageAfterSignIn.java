package io.sourced.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After signing in, back to the page that asked for it; otherwise an administrator starts in the back
 * office and a customer in the shop.
 */
final class StartPageAfterSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    static String startPage(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + io.sourced.api.caller.Caller.ADMIN).equals(authority.getAuthority()));
        return admin ? "/admin/orders" : "/shop";
    }

    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        return startPage(authentication);
    }
}
