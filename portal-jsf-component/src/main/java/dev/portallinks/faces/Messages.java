package dev.portallinks.faces;

import jakarta.faces.application.Application;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Labels and messages of the components, in the view's locale: the application's {@code <message-bundle>}
 * first (so an application can override any key), then the library's bundle
 * {@value #BUNDLE} (English, German).
 */
final class Messages {

    /** The library's bundle. */
    static final String BUNDLE = "dev.portallinks.faces.messages";

    /** The prefix of every key. */
    static final String PREFIX = "dev.portallinks.faces.";

    private Messages() {
    }

    /**
     * Returns a text.
     *
     * @param context the Faces context
     * @param key the key without {@link #PREFIX}
     * @param arguments the {@link MessageFormat} arguments
     * @return the text, never null
     */
    static String get(FacesContext context, String key, Object... arguments) {
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.getDefault();
        String pattern = lookup(context.getApplication(), locale, PREFIX + key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private static String lookup(Application application, Locale locale, String key) {
        String applicationBundle = application.getMessageBundle();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (applicationBundle != null) {
            try {
                return ResourceBundle.getBundle(applicationBundle, locale, loader).getString(key);
            } catch (MissingResourceException notOverridden) {
                // fall through to the library's bundle
            }
        }
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader()).getString(key);
    }
}
