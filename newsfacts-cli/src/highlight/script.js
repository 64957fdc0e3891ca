document.addEventListener("mouseover", function (ev) {
  var row = ev.target.closest && ev.target.closest("tr[data-ref]");
  document.querySelectorAll(".lit").forEach(function (m) { m.classList.remove("lit"); });
  if (!row) return;
  row.closest("section").querySelectorAll("[data-entity], [data-claim]").forEach(function (m) {
    if (m.dataset.entity === row.dataset.ref || m.dataset.claim === row.dataset.ref) m.classList.add("lit");
  });
});
