// Small helpers for the staff workbench (no user text ever goes through innerHTML).
window.nacars = {
  beep: function () {
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var osc = ctx.createOscillator(); osc.frequency.value = 880; osc.connect(ctx.destination);
      osc.start(); osc.stop(ctx.currentTime + 0.15);
    } catch (e) { /* sound is optional */ }
  }
};
