package dev.portallinks.endpoint;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.PortalLinkService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Fails the deployment, when the redirect endpoint is enabled, unless the application has exactly one
 * {@link PortalCustomerResolver} bean and one {@link PortalLinkService} bean: without them the endpoint could only answer
 * errors, and the operator should learn that from the deployment, not from the first customer. The server finds this
 * class through {@code META-INF/services}; applications do not use it.
 */
public class PortalEndpointExtension implements Extension {

    private final List<Bean<?>> resolvers = new CopyOnWriteArrayList<>();
    private final List<Bean<?>> services = new CopyOnWriteArrayList<>();

    /** Called by the CDI container's {@link java.util.ServiceLoader}. */
    public PortalEndpointExtension() {
        // The beans are collected as the container discovers them; the check runs after deployment validation.
    }

    /*
     * Beans are collected from the container's events rather than asked of the bean manager: on Payara each archive has
     * its own bean manager, and this library jar's does not see the beans of WEB-INF/classes. The events reach an
     * extension for every enabled bean of the application (unselected alternatives are not enabled).
     */
    void collect(@Observes ProcessBean<?> discovered) {
        Bean<?> bean = discovered.getBean();
        if (bean.getTypes().contains(PortalCustomerResolver.class)) {
            resolvers.add(bean);
        }
        if (bean.getTypes().contains(PortalLinkService.class)) {
            services.add(bean);
        }
    }

    void checkBeans(@Observes AfterDeploymentValidation validation) {
        EndpointSettings settings;
        try {
            settings = EndpointSettings.fromConfig(PortalEndpointExtension.class.getClassLoader());
        } catch (PortalConfigurationException wrong) {
            validation.addDeploymentProblem(new DeploymentException("Portal Links redirect endpoint: " + wrong.getMessage(), wrong));
            return;
        }
        problems(settings, candidates(resolvers), candidates(services)).forEach(validation::addDeploymentProblem);
    }

    /**
     * The classes of the beans an injection point would choose from: the selected alternatives when there are any (CDI
     * resolves among them by priority at lookup, so they count as one), else every bean.
     */
    private static List<String> candidates(List<Bean<?>> beans) {
        List<Bean<?>> alternatives = beans.stream().filter(Bean::isAlternative).toList();
        if (!alternatives.isEmpty()) {
            return List.of(alternatives.get(0).getBeanClass().getName());
        }
        return beans.stream().map(bean -> bean.getBeanClass().getName()).sorted().toList();
    }

    /**
     * What is missing for the endpoint.
     *
     * @param settings the endpoint's configuration
     * @param resolvers the classes of the {@link PortalCustomerResolver} beans an injection point would choose from
     * @param services the classes of the {@link PortalLinkService} beans an injection point would choose from
     * @return one problem per type without exactly one bean; none when the endpoint is off
     */
    static List<DeploymentException> problems(EndpointSettings settings, List<String> resolvers, List<String> services) {
        if (!settings.enabled()) {
            return List.of();
        }
        return Stream.of(exactlyOne(PortalCustomerResolver.class, resolvers, "Add one that tells the endpoint which customer is signed in and"
                + " which subscriptions the user may manage (see its Javadoc)."), exactlyOne(PortalLinkService.class, services,
                        "Add dev.portallinks:portal-impl (or another implementation) to the application.")).flatMap(Optional::stream).toList();
    }

    private static Optional<DeploymentException> exactlyOne(Class<?> type, List<String> beanClasses, String howToAddOne) {
        if (beanClasses.size() == 1) {
            return Optional.empty();
        }
        String problem = beanClasses.isEmpty() ? "no CDI bean implements " + type.getName() + ". " + howToAddOne
                : "more than one CDI bean implements " + type.getName() + " " + beanClasses + "; keep one.";
        return Optional.of(new DeploymentException("Portal Links redirect endpoint: " + problem + " Or set " + EndpointSettings.ENABLED
                + "=false if the application does not use the redirect endpoint."));
    }
}
