// What Credence adds to htmx in the browser: when an action does not go
// through, say so in the page's alert region instead of failing silently,
// and keep what the worker typed across the reload or sign-in that fixes it.
//
// htmx leaves the page as it was when an answer is an error (4xx, 5xx) or
// never arrives, so the form still holds the text; the only thing missing
// was a word to the worker. Drafts live in the tab's sessionStorage, keyed
// by the address the form posts to, and are forgotten once a real answer
// is shown, when they are put back, or when the tab is closed.
(function () {
  "use strict";

  const NOT_SENT =
    "That did not go through: your sign-in may have changed or the " +
    "connection dropped. Reload the page and try again; what you typed is " +
    "still in the form.";
  const PUT_BACK =
    "What you typed before is back in the form below. If it is not in the " +
    "conversation yet, send it again.";
  const DRAFTS = "credence.drafts";

  function say(text) {
    const region = document.getElementById("page-problem");
    if (!region) {
      return;
    }
    // Shown first and filled after, so that screen readers notice the
    // change of text in a region that is already there.
    region.hidden = false;
    region.textContent = text;
  }

  function clear(event) {
    // A request the person started clears the last problem; a refresh the
    // page makes by itself (the desk queue polls) must leave it showing.
    const source = event && event.detail ? event.detail.elt : null;
    const trigger = source && source.getAttribute
      ? source.getAttribute("hx-trigger") || ""
      : "";
    if (trigger.indexOf("every") !== -1) {
      return;
    }
    const region = document.getElementById("page-problem");
    if (region) {
      region.textContent = "";
      region.hidden = true;
    }
  }

  // Storage can be refused (private windows, a full quota, a policy);
  // keeping drafts is a convenience, so then it is simply skipped.
  function readDrafts() {
    try {
      const drafts = JSON.parse(window.sessionStorage.getItem(DRAFTS) || "{}");
      return drafts && typeof drafts === "object" ? drafts : {};
    } catch (refusedOrUnreadable) {
      return {};
    }
  }

  function writeDrafts(drafts) {
    try {
      if (Object.keys(drafts).length) {
        window.sessionStorage.setItem(DRAFTS, JSON.stringify(drafts));
      } else {
        window.sessionStorage.removeItem(DRAFTS);
      }
    } catch (refused) {
      // Nothing kept; the text is still on the page in front of the worker.
    }
  }

  function formOf(element) {
    return element && element.closest ? element.closest("form[action]") : null;
  }

  function typedText(form) {
    const fields = {};
    form.querySelectorAll("textarea[name], input[type=text][name]").forEach(
      function (field) {
        if (field.value.trim()) {
          fields[field.name] = field.value;
        }
      },
    );
    return fields;
  }

  function keepDraft(form) {
    const fields = typedText(form);
    if (!Object.keys(fields).length) {
      return;
    }
    const drafts = readDrafts();
    drafts[form.getAttribute("action")] = fields;
    writeDrafts(drafts);
  }

  function forgetDraft(form) {
    const drafts = readDrafts();
    if (drafts[form.getAttribute("action")]) {
      delete drafts[form.getAttribute("action")];
      writeDrafts(drafts);
    }
  }

  // Only into empty fields: anything the page already holds wins. A draft
  // whose form is not on this page (the sign-in page, say) waits for it.
  function putDraftsBack() {
    const drafts = readDrafts();
    let putBack = false;
    document.querySelectorAll("form[action]").forEach(function (form) {
      const fields = drafts[form.getAttribute("action")];
      if (!fields) {
        return;
      }
      Object.keys(fields).forEach(function (name) {
        const field = form.elements.namedItem(name);
        if (field && "value" in field && !field.value) {
          field.value = fields[name];
          putBack = true;
        }
      });
      delete drafts[form.getAttribute("action")];
    });
    writeDrafts(drafts);
    if (putBack) {
      say(PUT_BACK);
    }
  }

  function notSent(event) {
    const form = formOf(event.detail.elt);
    if (form) {
      keepDraft(form);
    }
    say(NOT_SENT);
  }

  document.body.addEventListener("htmx:beforeRequest", clear);
  document.body.addEventListener("htmx:responseError", notSent);
  document.body.addEventListener("htmx:sendError", notSent);

  // The server asks for the sign-in page (or another page) in place of
  // this one: the form goes away with the page, so its text is kept.
  document.body.addEventListener("htmx:beforeOnLoad", function (event) {
    const xhr = event.detail.xhr;
    const form = formOf(event.detail.elt);
    if (form && (xhr.getResponseHeader("HX-Redirect") ||
                 xhr.getResponseHeader("HX-Refresh") === "true")) {
      keepDraft(form);
    }
  });

  // A real answer replaces the form; what it held has been dealt with.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    const form = formOf(event.detail.elt);
    if (form && event.detail.shouldSwap && !event.detail.isError) {
      forgetDraft(form);
    }
  });

  putDraftsBack();
})();
