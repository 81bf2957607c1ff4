// Draws the charts of a page from their JSON blocks and makes tables sortable.
// Static file, written once next to plotly.min.js; pages load it by a relative path.
(function () {
  "use strict";

  function drawCharts() {
    if (typeof Plotly === "undefined") {
      return;
    }
    var divs = document.querySelectorAll("div[data-figure]");
    Array.prototype.forEach.call(divs, function (div) {
      var block = document.getElementById(div.getAttribute("data-figure"));
      var figure = JSON.parse(block.textContent);
      Plotly.newPlot(div, figure.data, figure.layout, {
        displaylogo: false,
        responsive: true,
      });
    });
  }

  function sortKey(cell) {
    var text = cell.getAttribute("data-sort");
    if (text === null) {
      text = cell.textContent.trim();
    }
    var number = Number(text);
    if (text !== "" && !isNaN(number)) {
      return { kind: 0, value: number };
    }
    return { kind: text === "" ? 2 : 1, value: text.toLowerCase() };
  }

  function compare(a, b) {
    if (a.kind !== b.kind) {
      return a.kind - b.kind;
    }
    if (a.value < b.value) {
      return -1;
    }
    return a.value > b.value ? 1 : 0;
  }

  function sortBy(table, header, index) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var order = compare(sortKey(x.cells[index]), sortKey(y.cells[index]));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.title = "Sort by this column";
      th.addEventListener("click", function () {
        sortBy(table, th, index);
      });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(table, th, index);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    drawCharts();
  });
})();
