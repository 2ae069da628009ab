package dev.portallinks.demo.simulator;

import dev.portallinks.test.NotificationDelivery;
import dev.portallinks.test.PaddleSimulator;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The simulated customer portal: answers the links the simulator hands out ({@code /cpl_…?action=…&token=…})
 * with a page that shows which customer, action and subscription was opened, the portal's own button for that action
 * (cancel, update the payment method), and a way back. Like Paddle's, a link opens only with a token the simulator
 * issued. The button posts to the same link: the simulator makes the change and sends Paddle's signed
 * {@code subscription.updated} notification to the demo's receiver. Every other request passes through.
 */
@WebFilter("/*")
public class SimulatedPortalFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Paddle's portal path: {@code /cpl_} and 26 lower-case letters or digits. */
    private static final Pattern PORTAL_PATH = Pattern.compile("^/cpl_[a-z\\d]{26}$");

    @Inject
    transient DemoPaddle paddle;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PORTAL_PATH.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PaddleSimulator.PortalLink> link = paddle.portalLink(request.getRequestURL() + "?" + request.getQueryString());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        PrintWriter page = response.getWriter();
        page.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"><title>Simulated Paddle customer portal</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/resources/demo/demo.css\"></head><body class=\"portal\">"
                + "<main class=\"card\"><p class=\"eyebrow\">Simulated Paddle customer portal</p>");
        if (link.isEmpty()) {
            response.setStatus(403);
            page.println("<h1 id=\"portal-title\">This link is not valid</h1><p>Portal links work when you are sent here from the billing page."
                    + " The simulator remembers the latest 10 000.</p>");
        } else if ("POST".equals(request.getMethod())) {
            confirmed(link.get(), response, page);
        } else {
            PaddleSimulator.PortalLink opened = link.get();
            page.println("<h1 id=\"portal-title\">" + title(opened.action()) + "</h1><dl>"
                    + "<dt>Customer</dt><dd id=\"portal-customer\">" + opened.customer() + "</dd>"
                    + "<dt>Action</dt><dd id=\"portal-action\">" + opened.action() + "</dd>"
                    + "<dt>Subscription</dt><dd id=\"portal-subscription\">" + (opened.subscription() == null ? "none (overview)" : opened.subscription())
                    + "</dd></dl><p>On Paddle, the customer would now be signed in to this page of the portal.</p>" + confirmForm(opened));
        }
        page.println("<p><a id=\"back\" class=\"button\" href=\"" + request.getContextPath() + "/\">Back to billing</a></p></main></body></html>");
    }

    /** The portal's own button for the page's action: it posts back to the same link, as Paddle's portal page would act. */
    private static String confirmForm(PaddleSimulator.PortalLink opened) {
        String button = switch (opened.action()) {
            case "cancel_subscription" -> "<button id=\"confirm-cancel\" class=\"button\" type=\"submit\">Cancel subscription</button>";
            case "update_subscription_payment_method" -> "<button id=\"confirm-update\" class=\"button\" type=\"submit\">Update payment method</button>";
            default -> null;
        };
        return button == null ? "" : "<form method=\"post\">" + button + "</form>";
    }

    /**
     * The confirm button was pressed: the simulator changes the subscription and notifies the demo's receiver (signed, as
     * Paddle does) before this page answers, so the billing page shows the change when the customer goes back.
     */
    private void confirmed(PaddleSimulator.PortalLink opened, HttpServletResponse response, PrintWriter page) {
        PaddleSimulator.PortalChange change;
        try {
            change = paddle.confirm(opened);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            response.setStatus(409);
            page.println("<h1 id=\"portal-title\">Nothing to change</h1><p id=\"portal-result\">" + refused.getMessage() + "</p>");
            return;
        }
        String result = change.cancelsAt() == null ? "Your payment method has been updated."
                : "Your subscription will be canceled on <time id=\"cancels-on\" datetime=\"" + change.cancelsAt() + "\">"
                        + change.cancelsAt().toString().substring(0, 10) + "</time>.";
        page.println("<h1 id=\"portal-title\">" + title(opened.action()) + "</h1><p id=\"portal-result\">" + result + "</p>"
                + "<p class=\"note\">Paddle's notification: " + change.notifications().size() + " sent, "
                + change.notifications().stream().filter(NotificationDelivery::accepted).count() + " accepted by this application.</p>");
    }

    private static String title(String action) {
        return switch (action) {
            case "cancel_subscription" -> "Cancel subscription";
            case "update_subscription_payment_method" -> "Update payment method";
            default -> "Your billing overview";
        };
    }
}
