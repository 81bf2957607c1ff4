// Fills a district page's table of figures and draws its charts, both from the page's
// JSON blocks, and makes tables sortable. Static file, written once next to
// plotly.js; pages load it by a relative path. Source text only ever reaches the
// page through textContent, or escaped for the small HTML subset plotly draws.
(function () {
  "use strict";

  var QUALIFIER_SIGNS = { exact: "", approx: "~", at_least: "\u2265", at_most: "\u2264" };
  var HOVER_QUOTE_CHARS = 100;
  var HOVER_URL_CHARS = 60;
  // The width of an A4 page less 12 mm margins each side, in CSS pixels (96 per inch).
  var PRINT_WIDTH_PX = 700;
  var NARROW_PX = 600;
  // Two charts with their legends fit on an A4 page.
  var PRINT_HEIGHT_PX = 420;
  // Nothing on a chart may talk to a server: the modebar holds only buttons that work
  // in the page (download as PNG is drawn locally), never "Share chart" (which posts
  // the data to Plotly's cloud), "Edit in Chart Studio" or the Plotly logo link.
  var PLOT_CONFIG = {
    modeBarButtons: [
      ["toImage"],
      ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"],
    ],
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    showLink: false,
    showTips: false,
    plotlyServerURL: "",
    responsive: true,
  };
  // The cells of a row of the table of figures, in the order of its headings.
  var CELLS = [
    "as_of", "metric", "population_group", "value", "period", "since", "place", "programme",
    "source", "published_on", "evidence", "method",
  ];

  function readJson(id) {
    var block = document.getElementById(id);
    return block === null ? null : JSON.parse(block.textContent);
  }

  // The distinct values of a column; front-coded ones ("p") share a prefix with the
  // value before them.
  function keysOf(coded) {
    if (coded.p === undefined) {
      return coded.k;
    }
    var keys = [];
    coded.k.forEach(function (suffix, j) {
      keys.push(j === 0 ? suffix : keys[j - 1].slice(0, coded.p[j]) + suffix);
    });
    return keys;
  }

  // Returns position -> text for one dictionary-coded column of the figure table
  // (a column without codes has one value for every figure).
  function column(table, name) {
    var coded = table[name];
    var keys = keysOf(coded);
    return function (i) {
      return keys[coded.i === undefined ? 0 : coded.i[i]];
    };
  }

  function escapeHtml(text) {
    return text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&#34;")
      .replace(/'/g, "&#39;");
  }

  function shortQuote(text) {
    var chars = Array.from(text);
    if (chars.length <= HOVER_QUOTE_CHARS) {
      return text;
    }
    return chars.slice(0, HOVER_QUOTE_CHARS).join("") + "\u2026";
  }

  // A URL as the hover shows it: without its scheme, cut to HOVER_URL_CHARS.
  function shortUrl(url) {
    var bare = url.replace(/^https?:\/\//i, "");
    return bare.length <= HOVER_URL_CHARS ? bare : bare.slice(0, HOVER_URL_CHARS) + "\u2026";
  }

  // What a point's hover shows after value and date: since, source with its URL, the
  // quote, and what a click does.
  function hoverText(table) {
    var since = column(table, "since");
    var source = column(table, "source_name");
    var href = column(table, "href");
    var urlText = column(table, "url_text");
    var evidence = column(table, "evidence");
    return function (i) {
      var text = since(i) ? " (since " + since(i) + ")" : "";
      text += "<br>Source: " + escapeHtml(source(i));
      var url = href(i) || urlText(i);
      if (url) {
        text += "<br>" + escapeHtml(shortUrl(url));
      }
      var quote = evidence(i);
      if (quote) {
        text += "<br>\u201c" + escapeHtml(shortQuote(quote)) + "\u201d";
      }
      return text + "<br><i>Click: this figure in the table below</i>";
    };
  }

  // Scroll to a figure's row in the table of figures (it links the source) and mark it.
  function showRow(position) {
    var row = document.getElementById("figure-" + position);
    if (row === null) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("tr.picked"), function (picked) {
      picked.classList.remove("picked");
    });
    row.classList.add("picked");
    row.tabIndex = -1;
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
  }

  // A point trace names its figures by position (rows): fill in x, y and customdata.
  function fillPoints(traces, table) {
    var asOf = column(table, "as_of");
    var hover = hoverText(table);
    var value = function (i) {
      return table.value[i];
    };
    traces.forEach(function (trace) {
      if (trace.rows) {
        trace.x = trace.rows.map(asOf);
        trace.y = trace.rows.map(value);
        trace.customdata = trace.rows.map(hover);
        delete trace.rows;
      }
    });
    return traces;
  }

  function drawCharts(table) {
    if (typeof Plotly === "undefined" || table === null) {
      return;
    }
    var divs = document.querySelectorAll("div[data-figure]");
    Array.prototype.forEach.call(divs, function (div) {
      var figure = readJson(div.getAttribute("data-figure"));
      var rowsOfTraces = figure.data.map(function (trace) {
        return trace.rows || null;
      });
      if (div.clientWidth < NARROW_PX) {
        // A phone: fewer, shorter date ticks, so that none is cut.
        figure.layout.xaxis.nticks = 4;
        figure.layout.xaxis.tickformat = "%d %b";
        delete figure.layout.xaxis.dtick;
      }
      var axis = figure.layout.xaxis;
      div.setAttribute(
        "data-screen",
        JSON.stringify({ height: figure.layout.height, nticks: axis.nticks || 0, dtick: axis.dtick || null })
      );
      Plotly.newPlot(div, fillPoints(figure.data, table), figure.layout, PLOT_CONFIG);
      div.on("plotly_click", function (event) {
        var point = event.points[0];
        var rows = rowsOfTraces[point.curveNumber];
        if (rows) {
          showRow(rows[point.pointNumber]);
        }
      });
    });
  }

  function addCell(row, text) {
    var cell = row.insertCell();
    cell.textContent = text;
    return cell;
  }

  function addSourceCell(row, name, href, urlText) {
    var cell = row.insertCell();
    if (href && /^https?:\/\//i.test(href)) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = name;
      cell.appendChild(link);
      return;
    }
    cell.textContent = name;
    if (urlText) {
      var url = document.createElement("span");
      url.className = "sub";
      url.textContent = urlText;
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(url);
    }
  }

  function fillFigureTable(element, table) {
    var text = {};
    Object.keys(table).forEach(function (name) {
      if (name !== "value") {
        text[name] = column(table, name);
      }
    });
    var body = document.createDocumentFragment();
    table.value.forEach(function (value, i) {
      var row = document.createElement("tr");
      row.id = "figure-" + i;
      CELLS.forEach(function (name) {
        if (name === "value") {
          var sign = QUALIFIER_SIGNS[text.qualifier(i)] || "";
          addCell(row, sign + value.toLocaleString("en-US")).setAttribute("data-sort", value);
        } else if (name === "source") {
          addSourceCell(row, text.source_name(i), text.href(i), text.url_text(i));
        } else {
          addCell(row, text[name](i));
        }
      });
      body.appendChild(row);
    });
    element.tBodies[0].appendChild(body);
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

  // The index's search box and oblast filter: a row shows when its search text holds
  // every word typed and its oblast is the one chosen (or any).
  function filterRows(table, search, oblast, shown) {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var chosen = oblast.value;
    var count = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var text = row.getAttribute("data-search") || "";
      var match =
        (chosen === "" || row.getAttribute("data-oblast") === chosen) &&
        words.every(function (word) {
          return text.indexOf(word) !== -1;
        });
      row.hidden = !match;
      count += match ? 1 : 0;
    });
    shown.textContent = count + " of " + table.tBodies[0].rows.length + " districts shown";
  }

  function makeFilterable(table) {
    var search = document.getElementById("search");
    var oblast = document.getElementById("oblast");
    var shown = document.getElementById("shown");
    if (search === null || oblast === null || shown === null) {
      return;
    }
    var update = function () {
      filterRows(table, search, oblast, shown);
    };
    search.addEventListener("input", update);
    oblast.addEventListener("change", update);
    if (search.value !== "" || oblast.value !== "") {
      update(); // the browser kept what was typed, e.g. on going back to the index
    }
  }

  // Print: plotly fixes each chart's width in pixels when it draws, so a chart drawn on a
  // wide screen would be cut at the page's edge. Redraw at the printed width, and back.
  function fitChartsTo(printing) {
    if (typeof Plotly === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("div[data-figure]"), function (div) {
      if (div.data !== undefined) {
        var screen = JSON.parse(div.getAttribute("data-screen"));
        Plotly.relayout(
          div,
          printing
            ? { width: PRINT_WIDTH_PX, height: PRINT_HEIGHT_PX, "xaxis.nticks": 5, "xaxis.dtick": null }
            : {
                width: null,
                height: screen.height,
                "xaxis.nticks": screen.nticks,
                "xaxis.dtick": screen.dtick,
                autosize: true,
              }
        );
      }
    });
  }

  // report.js runs before plotly.js (both deferred): the table shows while plotly
  // loads, and the charts are drawn once every deferred script has run. The marks let
  // benchmarks/bench_report.py (or the browser's profiler) time both.
  var figureTable = null;
  var tableElement = document.querySelector("table[data-table]");
  if (tableElement !== null) {
    figureTable = readJson(tableElement.getAttribute("data-table"));
    fillFigureTable(tableElement, figureTable);
    performance.mark("report:table-filled");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  var districtTable = document.getElementById("districts");
  if (districtTable !== null) {
    makeFilterable(districtTable);
  }
  window.addEventListener("beforeprint", function () {
    fitChartsTo(true);
  });
  window.addEventListener("afterprint", function () {
    fitChartsTo(false);
  });
  if (window.matchMedia) {
    window.matchMedia("print").addEventListener("change", function (query) {
      fitChartsTo(query.matches);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(figureTable);
    performance.mark("report:charts-drawn");
  });
})();
