// Progressive enhancement of the engagement form: as the person picks who does the work, the
// country, the process and the rest, the engagements service's classification and its reason show
// beside the fields (the portal computes nothing: it asks /engagements/classification, which passes
// the question on with the person's token). Without JavaScript the classification shows once saved.
(function () {
  "use strict";

  var form = document.querySelector("form[data-classify-url]");
  if (!form || !window.fetch) { return; }
  var preview = form.querySelector(".classification-preview");
  var sequence = 0;
  var timer = null;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && field.value ? field.value.trim() : "";
  }

  function show(state, build) {
    preview.replaceChildren();
    preview.setAttribute("data-state", state);
    var p = document.createElement("p");
    build(p);
    preview.appendChild(p);
  }

  function classify() {
    var source = value("Source");
    if (!source) {
      show("waiting", function (p) { p.textContent = "Choose who does the work to see the classification."; });
      return;
    }

    var query = new URLSearchParams();
    var parts = source.split(":");
    query.set(parts[0] === "provider" ? "providerId" : "captiveCentreId", parts[1] || "");
    [["scope", "Scope"], ["businessProcess", "BusinessProcess"], ["placeOfWork", "PlaceOfWork"], ["deliveryCountry", "DeliveryCountry"],
     ["deliveryTimeZone", "DeliveryTimeZone"], ["contractStart", "ContractStart"], ["contractEnd", "ContractEnd"]].forEach(function (pair) {
      var v = value(pair[1]);
      if (v) { query.set(pair[0], v); }
    });

    var mine = ++sequence;
    preview.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("data-classify-url") + "?" + query.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (answer) {
        if (mine !== sequence) { return; }
        preview.removeAttribute("aria-busy");
        if (answer.ok) {
          show("classified", function (p) {
            var label = document.createElement("strong");
            label.className = "preview-label";
            label.textContent = answer.body.label;
            var reason = document.createElement("span");
            reason.className = "preview-reason";
            reason.textContent = answer.body.reason;
            p.append(label, ": ", reason);
          });
          return;
        }

        var messages = Object.keys(answer.body.errors || {}).map(function (field) { return answer.body.errors[field].join(" "); });
        show("unclassified", function (p) {
          p.textContent = "Not classified yet: " + (messages.length ? messages.join(" ") : (answer.body.problem || "the service did not answer."));
        });
      })
      .catch(function () {
        if (mine !== sequence) { return; }
        preview.removeAttribute("aria-busy");
        show("unclassified", function (p) { p.textContent = "The classification could not be fetched just now; it shows once saved."; });
      });
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(classify, 250);
  }

  form.querySelectorAll("[data-classify]").forEach(function (field) {
    field.addEventListener("change", soon);
    if (field.tagName === "INPUT") { field.addEventListener("input", soon); }
  });
  if (value("Source")) { classify(); }
})();
