package dev.portallinks.faces;

import jakarta.faces.context.FacesContext;

/**
 * The components trust the view state only when the server keeps it. With client-side state saving
 * ({@code jakarta.faces.STATE_SAVING_METHOD=client}) the browser holds the state, and unless it is encrypted and bound to
 * the session it can be replayed from another session or altered; a transient view ({@code <f:view transient="true">})
 * keeps no state at all, so any post naming a button is a fresh "postback". In both cases the buttons refuse to render
 * and clicks are ignored, unless the application opts in with the context parameter {@value #ALLOW_STATE_IN_BROWSER}
 * (for client state it has encrypted and bound to the session itself).
 */
final class ViewStateGuard {

    /** The context parameter that lets the components act on client-side or transient view state. */
    static final String ALLOW_STATE_IN_BROWSER = "dev.portallinks.faces.ALLOW_STATE_IN_BROWSER";

    private ViewStateGuard() {
    }

    /**
     * Tells why the components must not act in this view.
     *
     * @param context the Faces context
     * @return the reason, naming the setting and the opt-in; null when the view state is the server's
     */
    static String refusal(FacesContext context) {
        if ("true".equalsIgnoreCase(context.getExternalContext().getInitParameter(ALLOW_STATE_IN_BROWSER))) {
            return null;
        }
        String problem;
        if (context.getViewRoot() != null && context.getViewRoot().isTransient()) {
            problem = "the view is transient (<f:view transient=\"true\">), so it keeps no server-side state";
        } else if (context.getApplication().getStateManager().isSavingStateInClient(context)) {
            problem = "jakarta.faces.STATE_SAVING_METHOD is client, so the browser holds the view state";
        } else {
            return null;
        }
        return problem + ": a post could be replayed from another session or altered. Use server-side state saving and a"
                + " non-transient view, or, if the state is encrypted and bound to the session, set the context parameter "
                + ALLOW_STATE_IN_BROWSER + "=true";
    }
}
