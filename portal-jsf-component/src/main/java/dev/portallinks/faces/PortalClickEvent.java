package dev.portallinks.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.event.FacesEvent;
import jakarta.faces.event.FacesListener;
import jakarta.faces.event.PhaseId;

/** A click on one of the portal buttons, with what the browser sent; handled in the Invoke Application phase. */
final class PortalClickEvent extends FacesEvent {

    private static final long serialVersionUID = 1L;

    private final String submitted;

    PortalClickEvent(UIComponent component, String submitted) {
        super(component);
        this.submitted = submitted;
        setPhaseId(PhaseId.INVOKE_APPLICATION);
    }

    /** @return the button value the browser posted; untrusted */
    String submitted() {
        return submitted;
    }

    @Override
    public boolean isAppropriateListener(FacesListener listener) {
        return false;
    }

    @Override
    public void processListener(FacesListener listener) {
        throw new UnsupportedOperationException("handled by the component itself");
    }
}
