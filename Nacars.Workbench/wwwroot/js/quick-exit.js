// Quick exit by Escape where JavaScript runs: replace this page in history so Back does not return to it.
(function () {
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var link = document.querySelector('[data-testid="quick-exit"]');
    if (link) { window.location.replace(link.href); }
  });
  var link = document.querySelector('[data-testid="quick-exit"]');
  if (link) {
    link.addEventListener('click', function (e) { e.preventDefault(); window.location.replace(link.href); });
  }
})();
