/*
 * The plain HTML/JS billing page (spa.html): lists the subscriptions from api/subscriptions, and on a click asks the
 * redirect endpoint for a fresh portal link (POST portal/…, Accept: application/json) and goes there. A failure is
 * shown from the answer's problem details (title, detail, retryAfter) in the page's alert area; the page stays.
 */
(function () {
    "use strict";

    var LABELS = {"cancel": "Cancel subscription", "update-payment-method": "Update payment method"};

    var problemArea = document.getElementById("problem");
    var list = document.getElementById("subscriptions");

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function showProblem(problem) {
        problemArea.textContent = "";
        problemArea.appendChild(element("strong", null, problem.title || "The billing portal could not be opened"));
        if (problem.detail) {
            problemArea.appendChild(document.createTextNode(" " + problem.detail));
        }
        if (typeof problem.retryAfter === "number") {
            problemArea.appendChild(document.createTextNode(" (Retry after " + problem.retryAfter + " s.)"));
        }
        problemArea.hidden = false;
    }

    // Problem details when the server sent them, else what little the status says (a proxy's error page, a network failure).
    function problemOf(response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("json") >= 0) {
            return response.json().catch(function () {
                return {title: "Error " + response.status};
            });
        }
        return Promise.resolve({title: "Error " + response.status, detail: "The server could not answer. Please try again."});
    }

    function setBusy(busy) {
        Array.prototype.forEach.call(document.querySelectorAll("button[data-page]"), function (button) {
            button.disabled = busy;
        });
    }

    // Asks the endpoint for a fresh link and follows it: only a web link, never e.g. a javascript: URL.
    function open(page) {
        setBusy(true);
        problemArea.hidden = true;
        fetch("portal/" + page, {method: "POST", headers: {Accept: "application/json"}, credentials: "same-origin"})
            .then(function (response) {
                if (!response.ok) {
                    return problemOf(response).then(function (problem) {
                        throw problem;
                    });
                }
                return response.json();
            })
            .then(function (answer) {
                var url = new URL(answer.url, location.href);
                if (url.protocol !== "https:" && url.protocol !== "http:") {
                    throw {title: "Unexpected answer", detail: "The server's link was not a web address."};
                }
                location.assign(url.href);
            })
            .catch(function (problem) {
                // An Error is a network failure or an unreadable answer; anything else was thrown as problem details.
                showProblem(problem instanceof Error ? {title: "No link", detail: "The billing portal could not be opened. Please try again."} : problem);
                setBusy(false);
            });
    }

    function actionButton(subscription, action) {
        var button = element("button", "button button--" + action, LABELS[action]);
        button.type = "button";
        button.id = action + "-" + subscription.id;
        button.dataset.page = "subscriptions/" + encodeURIComponent(subscription.id) + "/" + action;
        button.setAttribute("aria-label", LABELS[action] + ": " + subscription.products);
        return button;
    }

    function row(subscription) {
        var item = element("li", "spa-subscriptions__row");
        item.dataset.subscription = subscription.id;
        var label = element("div", "subscription");
        label.appendChild(element("span", "product", subscription.products));
        label.appendChild(element("span", "status status--" + subscription.statusClass, subscription.status));
        label.appendChild(element("span", "details", subscription.details));
        var actions = element("div", "spa-subscriptions__actions");
        subscription.actions.forEach(function (action) {
            actions.appendChild(actionButton(subscription, action));
        });
        item.appendChild(label);
        item.appendChild(actions);
        return item;
    }

    function load() {
        fetch("api/subscriptions", {headers: {Accept: "application/json"}, credentials: "same-origin"})
            .then(function (response) {
                return response.json().then(function (body) {
                    if (!response.ok) {
                        throw body;
                    }
                    return body;
                });
            })
            .then(function (body) {
                body.subscriptions.forEach(function (subscription) {
                    list.appendChild(row(subscription));
                });
            })
            .catch(function (problem) {
                showProblem(problem instanceof Error ? {title: "No subscriptions", detail: "The subscriptions could not be loaded. Please reload the page."} : problem);
            })
            .finally(function () {
                document.getElementById("loading").hidden = true;
            });
    }

    // One listener for all buttons, also those rendered later.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-page]");
        if (button && !button.disabled) {
            open(button.dataset.page);
        }
    });
    load();
}());
