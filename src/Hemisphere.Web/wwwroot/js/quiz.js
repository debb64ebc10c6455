// Taking a quiz on /academy/attempts/{id}: a progressive enhancement of the server-rendered form. Without this script the
// buttons post the answers (save, or submit). With it, answers are saved to the API a few seconds after each change (and when
// the page is hidden), a countdown runs to the deadline the server set (submitting when it is reached), and the submit
// button cannot be clicked twice.
(function () {
  'use strict';
  var form = document.getElementById('quiz-form');
  if (!form || !window.fetch) return;
  var attemptId = form.dataset.attempt;
  var status = document.getElementById('quiz-status');
  var countdown = document.getElementById('quiz-countdown');
  var submit = document.getElementById('quiz-submit');
  var dirty = false;
  var saving = false;
  var submitting = false;
  var closed = false;

  function say(text) { if (status) status.textContent = text; }

  // The answers in the API's format (the same rules as QuizForm.Read on the server).
  function answers() {
    var result = {};
    Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-question]'), function (fs) {
      var id = fs.dataset.question;
      var kind = fs.dataset.kind;
      var name = 'q.' + id.replace(/-/g, '');
      var inputs = fs.querySelectorAll('[name^="' + name + '"]');
      var value = null;
      if (kind === 'SingleChoice') {
        var picked = fs.querySelector('input[name="' + name + '"]:checked');
        if (picked) value = picked.value;
      } else if (kind === 'MultipleChoice') {
        var all = Array.prototype.map.call(fs.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value; });
        if (all.length) value = all;
      } else if (kind === 'TrueFalse') {
        var tf = fs.querySelector('input[name="' + name + '"]:checked');
        if (tf) value = tf.value === 'true';
      } else if (kind === 'ShortAnswer' || kind === 'Numeric' || kind === 'Essay') {
        var text = fs.querySelector('[name="' + name + '"]');
        if (text && text.value.trim() !== '') value = text.value;
      } else if (kind === 'Matching') {
        var pairs = {};
        var any = false;
        Array.prototype.forEach.call(inputs, function (s) {
          if (s.value) { pairs[s.name.substring(name.length + 1)] = s.value; any = true; }
        });
        if (any) value = pairs;
      } else if (kind === 'Ordering') {
        var items = Array.prototype.map.call(inputs, function (i, index) {
          var p = parseInt(i.value, 10);
          return { id: i.name.substring(name.length + 1), position: isNaN(p) ? Infinity : p, index: index };
        });
        items.sort(function (x, y) { return x.position - y.position || x.index - y.index; });
        value = items.map(function (x) { return x.id; });
      }
      if (value !== null) result[id] = value;
    });
    return result;
  }

  function save() {
    if (!dirty || saving || submitting || closed) return Promise.resolve();
    saving = true;
    dirty = false;
    return fetch('/api/v1/academy/attempts/' + attemptId + '/answers', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ answers: answers() }),
      keepalive: true
    }).then(function (r) {
      saving = false;
      if (r.ok) { say(form.dataset.saved); return; }
      if (r.status === 409) { closed = true; window.location.href = '/academy/attempts/' + attemptId + '/result'; return; }
      dirty = true;
      say(form.dataset.saveFailed);
    }).catch(function () {
      // Offline: keep the change and try again; the form still posts everything on submit.
      saving = false;
      dirty = true;
      say(form.dataset.saveFailed);
    });
  }

  form.addEventListener('change', function () { dirty = true; });
  form.addEventListener('input', function () { dirty = true; });
  setInterval(save, 5000);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') save(); });

  form.addEventListener('submit', function (e) {
    if (submitting) { e.preventDefault(); return; }
    var submitter = e.submitter;
    if (submitter && submitter.id === 'quiz-submit') {
      submitting = true;
      // Disabled after the browser has taken the form's data, so the post still carries the answers.
      setTimeout(function () { submit.disabled = true; submit.setAttribute('aria-disabled', 'true'); }, 0);
    }
  });

  // The countdown follows the server's clock: the offset between the two is measured once, when the page loads.
  var deadline = form.dataset.deadline ? Date.parse(form.dataset.deadline) : NaN;
  var serverNow = Date.parse(form.dataset.now);
  if (!isNaN(deadline) && countdown) {
    var offset = serverNow - Date.now();
    var tick = function () {
      var left = Math.max(0, Math.floor((deadline - (Date.now() + offset)) / 1000));
      var m = Math.floor(left / 60);
      var s = left % 60;
      countdown.textContent = form.dataset.timeLeft + ' ' + m + ':' + (s < 10 ? '0' : '') + s;
      if (left <= 0 && !submitting) {
        clearInterval(timer);
        if (form.requestSubmit) form.requestSubmit(submit); else submit.click();
      }
    };
    var timer = setInterval(tick, 1000);
    tick();
  }
})();
