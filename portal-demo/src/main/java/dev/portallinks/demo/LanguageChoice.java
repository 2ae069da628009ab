package dev.portallinks.demo;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The page language: chosen with {@code ?lang=en|de}, else the browser's, kept for the session. */
@Named("language")
@SessionScoped
public class LanguageChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale chosen;

    /** @return the locale of the views */
    public Locale getLocale() {
        FacesContext context = FacesContext.getCurrentInstance();
        String requested = context.getExternalContext().getRequestParameterMap().get("lang");
        if ("de".equals(requested) || "en".equals(requested)) {
            chosen = Locale.forLanguageTag(requested);
        }
        if (chosen != null) {
            return chosen;
        }
        Locale browser = context.getExternalContext().getRequestLocale();
        return browser != null && "de".equals(browser.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }
}
