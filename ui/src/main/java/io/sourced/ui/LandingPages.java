package io.sourced.ui;

import io.sourced.api.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: who may sign in (demo only), the sign-in form, and each role's start page. */
@Controller
class LandingPages extends Pages {

    private final boolean demo;

    LandingPages(@Value("${sourced.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping("/")
    String landing(HttpServletRequest request, Model model) {
        if (request.getUserPrincipal() != null) {
            return "redirect:" + startPage(request);
        }
        model.addAttribute("demo", demo);
        return "index";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getUserPrincipal() != null) {
            return "redirect:" + startPage(request);
        }
        model.addAttribute("demo", demo);
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("locked", request.getParameter("locked") != null);
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        return "login";
    }

    private static String startPage(HttpServletRequest request) {
        return request.isUserInRole(Caller.ADMIN) ? "/admin/orders" : "/shop";
    }
}
