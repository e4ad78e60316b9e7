// Sorting and filtering for a long table, by list.js (vendor/list.min.js, MIT). Without script the
// table is whole and readable; with it, a filter box comes above it and each heading sorts it.
(function () {
  "use strict";
  document.querySelectorAll(".scroll.sortable").forEach(function (box, index) {
    var section = box.parentElement;
    var headings = box.querySelectorAll("thead th");
    var names = [];
    headings.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.dataset.sort = th.dataset.sort;
      while (th.firstChild) { button.appendChild(th.firstChild); }  // the title and the field name beneath it
      th.appendChild(button);
      names.push(th.dataset.sort);
    });
    var label = document.createElement("label");
    var input = document.createElement("input");
    var id = "filter-" + index;
    label.htmlFor = id;
    label.textContent = box.dataset.filter;
    input.id = id;
    input.type = "search";
    var status = document.createElement("p");
    status.className = "shown";
    status.setAttribute("role", "status");
    var tools = document.createElement("div");
    tools.className = "filter";
    tools.append(label, input, status);
    section.insertBefore(tools, box);
    section.querySelector(".filter-help").hidden = false;
    var list = new List(section, { valueNames: names, listClass: "list", sortClass: "sort" });
    // Every change of the box filters, typed or pasted (list.js itself listens to key presses only).
    input.addEventListener("input", function () { list.search(input.value); });
    function update() {
      status.textContent = box.dataset.shown.replace("{}", list.visibleItems.length).replace("{}", list.items.length);
      headings.forEach(function (th) {
        var button = th.querySelector("button");
        var order = button.classList.contains("asc") ? "ascending" : button.classList.contains("desc") ? "descending" : null;
        if (order) { th.setAttribute("aria-sort", order); } else { th.removeAttribute("aria-sort"); }
      });
    }
    list.on("updated", update);
    update();
  });
})();
