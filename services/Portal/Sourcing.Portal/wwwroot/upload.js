// Progressive enhancement of the engagement page's measurement upload: the file goes to the portal
// with XMLHttpRequest (so the upload's progress shows in the <progress> element), the portal passes
// it on to the SLA API as it arrives, and the answer (rows recorded and breaches, or every refused
// row with the API's message) is shown below the form. Without JavaScript the form posts as usual.
(function () {
  "use strict";

  function text(tag, content, attributes) {
    var element = document.createElement(tag);
    if (content !== undefined && content !== null) { element.textContent = String(content); }
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    return element;
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  function show(output, status, answer) {
    output.replaceChildren();
    if (answer && answer.result) {
      var r = answer.result;
      output.appendChild(text("p", plural(r.rows, "row", "rows") + " read: " + r.recorded + " recorded, " + r.replaced + " replaced, " +
        r.unchanged + " unchanged; " + plural(r.breaches, "breach", "breaches") + ".", { role: "status", "class": "upload-ok" }));
      return;
    }

    var problem = (answer && answer.problem) || ("The upload failed (" + status + "). Please try again.");
    output.appendChild(text("p", "Nothing was recorded. " + problem, { role: "alert", "class": "field-error" }));
    var rows = (answer && answer.rows) || [];
    if (rows.length === 0) { return; }
    var wrapper = text("div", null, { "class": "table-scroll" });
    var table = text("table", null, { "class": "row-errors" });
    table.appendChild(text("caption", "Rows refused"));
    var head = text("thead");
    var headRow = text("tr");
    headRow.appendChild(text("th", "Row", { scope: "col" }));
    headRow.appendChild(text("th", "Problem", { scope: "col" }));
    head.appendChild(headRow);
    table.appendChild(head);
    var body = text("tbody");
    rows.forEach(function (row) {
      var tr = text("tr");
      tr.appendChild(text("td", row.row));
      tr.appendChild(text("td", row.message));
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrapper.appendChild(table);
    output.appendChild(wrapper);
  }

  document.querySelectorAll("form[data-upload-url]").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    var progressBox = form.querySelector(".upload-progress");
    var progress = form.querySelector("progress");
    var output = form.parentElement.querySelector(".upload-result");
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      var file = input.files && input.files[0];
      if (!file || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      var token = form.querySelector("input[name=__RequestVerificationToken]");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("data-upload-url"));
      xhr.setRequestHeader("Content-Type", "text/csv");
      xhr.setRequestHeader("Accept", "application/json");
      if (token) { xhr.setRequestHeader("RequestVerificationToken", token.value); }
      progress.value = 0;
      progressBox.hidden = false;
      button.disabled = true;
      output.replaceChildren(text("p", "Uploading " + file.name + "…", { role: "status" }));
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { progress.value = Math.round((e.loaded / e.total) * 100); }
      });
      xhr.addEventListener("load", function () {
        progress.value = 100;
        button.disabled = false;
        var answer = null;
        try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = null; }
        show(output, xhr.status, answer);
        form.setAttribute("data-upload-done", xhr.status >= 200 && xhr.status < 300 ? "ok" : "refused");
      });
      xhr.addEventListener("error", function () {
        button.disabled = false;
        show(output, "network error", null);
      });
      form.removeAttribute("data-upload-done");
      xhr.send(file);
    });
  });
})();
