// Small helpers for the staff workbench (no user text ever goes through innerHTML).
(function () {
  // One audio context for the page, woken by the analyst's first click or key: browsers keep sound off until then.
  var audio = null;
  function context() {
    try { audio = audio || new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { audio = null; }
    return audio;
  }
  function wake() { var ctx = context(); if (ctx && ctx.state === 'suspended') ctx.resume(); }
  document.addEventListener('pointerdown', wake, { capture: true });
  document.addEventListener('keydown', wake, { capture: true });

  // The idle timeout counts the person's input, not the live updates a page receives: input anywhere tells the server
  // (at most once a minute), which also renews the session cookie. A wallboard (kiosk) has no input and says so itself.
  var lastPing = 0;
  function keepAlive() {
    var now = Date.now();
    if (now - lastPing < 60000) return;
    lastPing = now;
    fetch('Account/KeepAlive', { credentials: 'same-origin', cache: 'no-store' }).catch(function () { });
  }
  ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function (e) { document.addEventListener(e, keepAlive, { capture: true, passive: true }); });
  setInterval(function () { if (document.querySelector('.kiosk')) { lastPing = 0; keepAlive(); } }, 5 * 60000);

  function tones(list) {
    var ctx = context();
    if (!ctx) return;
    var t = ctx.currentTime;
    list.forEach(function (tone) {
      var osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.frequency.value = tone[0]; gain.gain.value = 0.25;
      osc.connect(gain); gain.connect(ctx.destination);
      osc.start(t); osc.stop(t + tone[1]); t += tone[1] + 0.05;
    });
  }

  var queueRef = null;
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function scrollTo(reference) {
    if (!reference) return;
    setTimeout(function () {
      var row = document.querySelector('[data-testid="contact-row"][data-reference="' + reference + '"]');
      if (row) row.scrollIntoView({ block: 'nearest' });
    }, 30);
  }
  function onKey(e) {
    if (!queueRef || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    switch (e.key) {
      case 'j': queueRef.invokeMethodAsync('MoveSelection', 1).then(scrollTo); break;
      case 'k': queueRef.invokeMethodAsync('MoveSelection', -1).then(scrollTo); break;
      case 'Enter':
        if (e.target && /^(A|BUTTON)$/.test(e.target.tagName)) return;
        queueRef.invokeMethodAsync('OpenSelected'); break;
      case 'c': queueRef.invokeMethodAsync('ClaimSelected'); break;
      case '?': queueRef.invokeMethodAsync('ToggleShortcuts'); break;
      case '/':
        var search = document.querySelector('[data-testid="filter-reference"]');
        if (search) search.focus();
        break;
      default: return;
    }
    e.preventDefault();
  }

  window.nacars = {
    // The ordinary new-contact cue: one short tone.
    beep: function () { tones([[880, 0.15]]); },
    queue: {
      attach: function (ref) { queueRef = ref; document.addEventListener('keydown', onKey); },
      detach: function () { queueRef = null; document.removeEventListener('keydown', onKey); }
    },
    alerts: {
      permission: function () { return 'Notification' in window ? Notification.permission : 'unsupported'; },
      request: function () {
        if (!('Notification' in window)) return Promise.resolve('unsupported');
        return Notification.requestPermission();
      },
      // An urgent contact: a distinct falling three-tone alarm, twice, and a desktop notification where the analyst
      // allowed them. Only the reference is shown: nothing of the account leaves the page.
      urgent: function (references) {
        tones([[988, 0.18], [784, 0.18], [988, 0.18], [784, 0.18], [988, 0.3]]);
        if ('Notification' in window && Notification.permission === 'granted') {
          references.forEach(function (reference) {
            try {
              var n = new Notification('URGENT contact ' + reference, { body: 'Needs immediate attention: claim it and make the fast-time call.', tag: reference, requireInteraction: true });
              n.onclick = function () { window.focus(); location.assign('triage/' + reference); };
            } catch (e) { /* notifications are optional */ }
          });
        }
      }
    }
  };
})();
