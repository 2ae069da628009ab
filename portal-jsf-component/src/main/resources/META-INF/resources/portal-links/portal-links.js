/*
 * Portal Links buttons: a busy state while a click is being resolved, and no second submission.
 * Without JavaScript the buttons are plain submit buttons and still work.
 */
var PortalLinks = window.PortalLinks || (function () {
    "use strict";
    var listening = false;

    function group(button) {
        return button.closest("[data-pl-buttons]");
    }

    function setBusy(box, busy, clicked) {
        box.setAttribute("aria-busy", busy ? "true" : "false");
        box.classList.toggle("pl-busy", busy);
        box.querySelectorAll("button").forEach(function (button) {
            if (busy) {
                button.setAttribute("aria-disabled", "true");
            } else {
                button.removeAttribute("aria-disabled");
                button.classList.remove("pl-pending");
            }
        });
        if (busy && clicked) {
            clicked.classList.add("pl-pending");
        }
    }

    function listen() {
        if (listening || !window.faces || !faces.ajax) {
            return;
        }
        listening = true;
        var done = function (data) {
            if (data.status && data.status !== "success") {
                return;
            }
            // After an answer without redirect (a message was rendered), the buttons are usable again.
            document.querySelectorAll("[data-pl-buttons][aria-busy=true]").forEach(function (box) {
                setBusy(box, false);
            });
        };
        faces.ajax.addOnEvent(done);
        faces.ajax.addOnError(done);
    }

    /**
     * Handles a click on a portal button.
     * @param button the clicked button
     * @param event the click event
     * @param ajax the Faces Ajax request to send instead of the full post, or undefined
     * @return whether the browser should submit the form
     */
    function click(button, event, ajax) {
        var box = group(button);
        if (box.getAttribute("aria-busy") === "true") {
            event.preventDefault();
            return false;
        }
        setBusy(box, true, button);
        if (ajax) {
            listen();
            ajax.call(button, event);
            event.preventDefault();
            return false;
        }
        return true;
    }

    return { click: click };
})();
