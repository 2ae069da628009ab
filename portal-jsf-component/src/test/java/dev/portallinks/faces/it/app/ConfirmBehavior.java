package dev.portallinks.faces.it.app;

import jakarta.faces.component.behavior.ClientBehaviorBase;
import jakarta.faces.component.behavior.ClientBehaviorContext;
import jakarta.faces.component.behavior.FacesBehavior;

/**
 * A client behaviour as applications attach them to buttons: asks the customer to confirm, and declines the click when
 * they do not ({@code <t:confirm/>}, registered in the test tag library).
 */
@FacesBehavior(ConfirmBehavior.BEHAVIOR_ID)
public class ConfirmBehavior extends ClientBehaviorBase {

    /** The behaviour ID. */
    public static final String BEHAVIOR_ID = "dev.portallinks.faces.it.Confirm";

    @Override
    public String getScript(ClientBehaviorContext behaviorContext) {
        return "return window.confirm('Open the billing portal?');";
    }
}
