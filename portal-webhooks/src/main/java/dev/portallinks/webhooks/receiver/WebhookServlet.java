package dev.portallinks.webhooks.receiver;

import dev.portallinks.api.SubscriptionStore;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The receiver's servlet: adapts requests to {@link WebhookReceiver}, which it builds when the application starts (the
 * application's CDI container is known then). Registered by {@link PaddleWebhooksInitializer}.
 */
final class WebhookServlet extends HttpServlet {

    /** The default managed executor every Jakarta EE 10 server binds (Jakarta Concurrency). */
    static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private static final long serialVersionUID = 1L;

    private final transient WebhookSettings settings;
    private final transient ExecutorService executor;
    private transient WebhookReceiver receiver;

    /**
     * @param settings the checked configuration
     * @param executor the server's managed executor
     */
    WebhookServlet(WebhookSettings settings, ExecutorService executor) {
        this.settings = settings;
        this.executor = executor;
    }

    @Override
    public void init() {
        Clock clock = Clock.systemUTC();
        NotificationDispatcher dispatcher = new NotificationDispatcher(new EventIdMemory(EventIdMemory.DEFAULT_CAPACITY),
                new EntityVersions.InMemory(EntityVersions.InMemory.DEFAULT_CAPACITY), subscriptionStore(), executor,
                new CdiPublisher(CDI.current().getBeanManager(), executor));
        receiver = new WebhookReceiver(settings.maxBodyBytes(),
                new SignatureVerifier(settings.secrets(), settings.tolerance(), settings.futureAllowance(), clock), new NotificationParser(), dispatcher,
                new RateLimitedLog(Logger.getLogger(WebhookReceiver.class.getName()), clock));
    }

    /**
     * The application's {@link SubscriptionStore}, when it has one: portal-impl brings one, an application may bring its
     * own. Subscription events are applied to it, so listings served from it show what the customer did in the portal.
     */
    private static Optional<SubscriptionStore> subscriptionStore() {
        Instance<SubscriptionStore> stores = CDI.current().select(SubscriptionStore.class);
        return stores.isResolvable() ? Optional.of(stores.get()) : Optional.empty();
    }

    /**
     * Looks up the server's default managed executor, in the application's naming context (while it starts).
     *
     * @return the executor
     * @throws ServletException when the server has none bound, so that the deployment fails
     */
    static ExecutorService lookUpExecutor() throws ServletException {
        try {
            return (ExecutorService) InitialContext.doLookup(EXECUTOR);
        } catch (NamingException | ClassCastException notBound) {
            throw new ServletException("Portal Links webhooks: the server has no " + EXECUTOR + " (Jakarta Concurrency), on which the receiver"
                    + " fires the events after answering Paddle. Enable it (Open Liberty: features concurrent-3.0 and jndi-1.0), or set "
                    + WebhookSettings.ENABLED + "=false", notBound);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = receiver.receive(request.getMethod(), request.getContentType(), request.getContentLengthLong(), request.getHeader("Paddle-Signature"),
                request.getInputStream());
        if (status == 405) {
            response.setHeader("Allow", "POST");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status);
        response.setContentLength(0);
    }
}
