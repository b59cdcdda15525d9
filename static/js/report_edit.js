// Report form: show each ratio's percentage against its target as the figures are typed.
(function () {
  "use strict";
  var form = document.getElementById("figures-form");
  if (!form) { return; }

  function count(input) {
    if (!input || !/^\d+$/.test(input.value.trim())) { return null; }
    return parseInt(input.value.trim(), 10);
  }
  function oneStop(field) { return count(form.querySelector('[data-onestop="' + field + '"]')); }
  function format(value) { return value.toFixed(2).replace(".", ",").replace(/,00$/, ""); }

  function figures(card) {
    var source = card.dataset.onestopSource;
    if (source) {
      var resolved = oneStop("resolved"), ahead = oneStop("resolved_ahead"), onTime = oneStop("resolved_on_time");
      var num = source === "one_stop_on_time" ? (ahead === null || onTime === null ? null : ahead + onTime) : ahead;
      return [num, resolved];
    }
    return [count(card.querySelector('[data-field="numerator"]')), count(card.querySelector('[data-field="denominator"]'))];
  }

  function update() {
    form.querySelectorAll('fieldset[data-percent="1"]').forEach(function (card) {
      var out = card.querySelector(".live-percent");
      var pair = figures(card), num = pair[0], den = pair[1];
      out.classList.remove("text-danger", "text-success");
      if (num === null || den === null) { out.textContent = "—"; return; }
      if (den === 0) { out.textContent = "không có hồ sơ"; return; }
      if (num > den) { out.textContent = "tử số lớn hơn mẫu số"; out.classList.add("text-danger"); return; }
      var pct = num * 100 / den, target = parseFloat(card.dataset.target);
      var met = isNaN(target) ? null : pct >= target;
      out.textContent = format(pct) + "%" + (met === null ? "" : met ? " — đạt" : " — chưa đạt");
      if (met !== null) { out.classList.add(met ? "text-success" : "text-danger"); }
    });
  }
  form.addEventListener("input", update);
  update();
})();
