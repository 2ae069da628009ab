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

    function freeAll(showError) {
        document.querySelectorAll("[data-pl-buttons][aria-busy=true]").forEach(function (box) {
            setBusy(box, false);
            if (showError) {
                say(box, box.getAttribute("data-pl-ajax-error"));
            }
        });
    }

    /** Shows a short text in the button group itself: after an Ajax error nothing else on the page changes. */
    function say(box, text) {
        if (!text) {
            return;
        }
        var note = box.querySelector(".pl-error");
        if (!note) {
            note = document.createElement(box.tagName === "SPAN" ? "span" : "p");
            note.className = "pl-error";
            note.setAttribute("role", "alert");
            box.appendChild(note);
        }
        note.textContent = text;
    }

    function listen() {
        if (listening || !window.faces || !faces.ajax) {
            return;
        }
        listening = true;
        faces.ajax.addOnEvent(function (data) {
            // After an answer without redirect (a message was rendered), the buttons are usable again.
            if (data.status === "success") {
                freeAll(false);
            }
        });
        // An expired view or session, an HTTP error, an empty or unreadable answer: free the buttons and tell the
        // customer to reload, instead of leaving them busy for ever.
        faces.ajax.addOnError(function () {
            freeAll(true);
        });
    }

    // A page restored from the back/forward cache (the customer came back from the portal) still shows the busy
    // state of the click that left it: free the buttons so the next click works.
    window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
            freeAll(false);
        }
    });

    /**
     * Handles a click on a portal button.
     * @param button the clicked button
     * @param event the click event
     * @param behaviours runs the client behaviours attached to the click, in order; false when one declined it
     *        (a confirmation the customer dismissed); undefined when there are none
     * @param submits whether a behaviour sent the request itself (Faces Ajax) instead of the form's full post
     * @return whether the browser should submit the form
     */
    function click(button, event, behaviours, submits) {
        var box = group(button);
        if (box.getAttribute("aria-busy") === "true") {
            event.preventDefault();
            return false;
        }
        setBusy(box, true, button);
        if (behaviours) {
            if (submits) {
                listen();
            }
            if (behaviours.call(button, event) === false) {
                setBusy(box, false);
                event.preventDefault();
                return false;
            }
            if (submits) {
                event.preventDefault();
                return false;
            }
        }
        return true;
    }

    return { click: click };
})();
