package dev.portallinks.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.impl.SettingsReader;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

// JCache is optional: on a class path without javax.cache (a server and an application that do not add it), every class
// of the library but the JCache package loads and shows its signatures, as a CDI container inspects beans; the state is
// per instance; and asking for a cluster there is a configuration error naming the property, not a NoClassDefFoundError.
class WithoutJCacheTest {

    private static final String KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";

    /** The test class path without cache-api and Hazelcast, on the platform loader: what a server without JCache gives. */
    private static URLClassLoader withoutJCache() {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("cache-api") && !entry.contains("hazelcast"))
                .map(WithoutJCacheTest::url).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    private static List<String> libraryClasses() throws IOException {
        Path classes;
        try {
            classes = Path.of(SettingsReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).map(f -> classes.relativize(f).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .filter(name -> !name.startsWith("dev.portallinks.impl.cluster.jcache.")).sorted().toList();
        }
    }

    private static Object settingsReader(ClassLoader loader, Map<String, String> properties) throws ReflectiveOperationException {
        Function<String, Optional<String>> lookup = key -> Optional.ofNullable(properties.get(key));
        return loader.loadClass(SettingsReader.class.getName()).getConstructor(Function.class).newInstance(lookup);
    }

    @Test
    void everyClassButTheJCacheOnesLoadsWithItsSignatures() throws Exception {
        try (URLClassLoader loader = withoutJCache()) {
            assertThatThrownBy(() -> Class.forName("javax.cache.Caching", false, loader)).isInstanceOf(ClassNotFoundException.class);
            List<String> names = libraryClasses();
            assertThat(names).contains(ClusterSharing.class.getName(), "dev.portallinks.impl.RateLimitWindow",
                    "dev.portallinks.impl.CustomerLinkLimiter");

            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                // What a CDI container reads of a bean class: every constructor, field and method signature.
                type.getDeclaredConstructors();
                type.getDeclaredFields();
                type.getDeclaredMethods();
                type.getGenericInterfaces();
            }
        }
    }

    @Test
    void withoutACacheNameTheStateIsPerInstance() throws Exception {
        try (URLClassLoader loader = withoutJCache()) {
            Object reader = settingsReader(loader, Map.of(SettingsReader.API_KEY, KEY));
            Object settings = reader.getClass().getMethod("read").invoke(reader);
            Supplier<Object> fixed = () -> settings;
            Class<?> sharingType = loader.loadClass(ClusterSharing.class.getName());
            Object sharing = sharingType.getConstructor(Supplier.class, Clock.class).newInstance(fixed, Clock.systemUTC());

            assertThat(sharingType.getMethod("state").invoke(sharing)).isNull();
        }
    }

    @Test
    void aCacheNameWithoutJCacheIsAConfigurationErrorNamingTheProperty() throws Exception {
        try (URLClassLoader loader = withoutJCache()) {
            Object reader = settingsReader(loader, Map.of(SettingsReader.API_KEY, KEY, SettingsReader.CLUSTER_CACHE_NAME, "portal-links"));

            InvocationTargetException failed = catchThrowableOfType(InvocationTargetException.class,
                    () -> reader.getClass().getMethod("read").invoke(reader));

            assertThat(failed.getCause().getClass().getName()).isEqualTo("dev.portallinks.api.PortalConfigurationException");
            assertThat(failed.getCause().getMessage()).contains("paddle.cluster.cache-name", "javax.cache:cache-api",
                    "Running in a cluster").doesNotContain("UnitTestSecret");
        }
    }
}
