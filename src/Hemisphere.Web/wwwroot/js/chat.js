// Live chat on /chat/{room}: a progressive enhancement of the server-rendered page. Without this script
// the form posts and the page reloads; with it, messages arrive and leave through the hub at /hubs/chat,
// older history loads in place, and after a lost connection the missed messages are fetched (after=id).
(function () {
  'use strict';
  var list = document.getElementById('chat-messages');
  if (!list || !window.signalR) return;
  var roomId = list.dataset.room;
  var me = list.dataset.me;
  var live = list.dataset.live === 'true';
  var form = document.getElementById('chat-form');
  var body = document.getElementById('chat-body');
  var file = document.getElementById('chat-file');
  var status = document.getElementById('chat-status');
  var errors = document.getElementById('chat-errors');
  var typingTimer = null;
  var lastTyping = 0;

  function ids() { return Array.prototype.map.call(list.querySelectorAll('li[data-id]'), function (li) { return li.dataset.id; }); }
  function lastId() { var all = ids(); return all.length ? all[all.length - 1] : null; }
  function firstId() { var all = ids(); return all.length ? all[0] : null; }

  function showError(text) {
    if (!errors) return;
    errors.textContent = '';
    var ul = document.createElement('ul');
    var li = document.createElement('li');
    li.textContent = text;
    ul.appendChild(li);
    errors.appendChild(ul);
  }

  function render(m) {
    var li = document.createElement('li');
    li.id = 'm-' + m.id;
    li.dataset.id = m.id;
    li.className = 'chat-message' + (m.deleted ? ' deleted' : '');
    var author = document.createElement('span');
    author.className = 'chat-author';
    author.textContent = m.authorName;
    li.appendChild(author);
    li.appendChild(document.createTextNode(' '));
    var time = document.createElement('time');
    time.dateTime = m.createdAt;
    time.textContent = new Date(m.createdAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
    li.appendChild(time);
    var content = document.createElement('div');
    if (m.deleted) {
      content.className = 'chat-body muted';
      content.textContent = list.dataset.deleted;
    } else {
      content.className = 'chat-body';
      content.innerHTML = m.html; // rendered from Markdown and sanitized on the server
    }
    li.appendChild(content);
    if (!m.deleted && m.editedAt) {
      var edited = document.createElement('span');
      edited.className = 'muted chat-edited';
      edited.textContent = '(' + list.dataset.edited + ')';
      li.appendChild(edited);
    }
    if (!m.deleted && m.attachment) {
      var p = document.createElement('p');
      p.className = 'chat-file';
      var a = document.createElement('a');
      a.href = m.attachment.url;
      a.textContent = m.attachment.name;
      p.appendChild(a);
      li.appendChild(p);
    }
    if (!m.deleted && m.authorId === me) {
      var del = document.createElement('button');
      del.type = 'button';
      del.className = 'link';
      del.textContent = list.dataset.delete;
      del.addEventListener('click', function () { connection.invoke('Delete', m.id).catch(function (e) { showError(message(e)); }); });
      var actions = document.createElement('span');
      actions.className = 'chat-actions';
      actions.appendChild(del);
      li.appendChild(actions);
    }
    return li;
  }

  function upsert(m, prepend) {
    if (m.roomId !== roomId) return;
    var existing = document.getElementById('m-' + m.id);
    var li = render(m);
    if (existing) { existing.replaceWith(li); return; }
    var empty = list.querySelector('.chat-empty');
    if (empty) empty.remove();
    if (prepend) list.insertBefore(li, list.firstChild); else list.appendChild(li);
  }

  function message(e) {
    var text = (e && e.message) || '';
    var marker = 'HubException: ';
    var at = text.indexOf(marker);
    return at >= 0 ? text.slice(at + marker.length) : text;
  }

  var connection = new signalR.HubConnectionBuilder()
    .withUrl(list.dataset.hub)
    .withAutomaticReconnect()
    .build();

  connection.on('message', function (m) {
    if (!live) return;
    upsert(m);
    if (m.roomId === roomId && document.visibilityState === 'visible') connection.invoke('MarkRead', roomId, m.id).catch(function () {});
  });
  connection.on('edited', function (m) { if (document.getElementById('m-' + m.id)) upsert(m); });
  connection.on('deleted', function (m) { if (document.getElementById('m-' + m.id)) upsert(m); });
  connection.on('presence', function (p) {
    if (p.roomId !== roomId) return;
    var mark = document.querySelector('[data-presence="' + p.userId + '"]');
    if (mark) mark.textContent = p.online ? '● ' + list.dataset.online : '';
  });
  connection.on('typing', function (p) {
    if (p.roomId !== roomId || !status) return;
    status.textContent = list.dataset.typing.replace('{0}', p.displayName);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { status.textContent = ''; }, 3000);
  });

  function join() {
    return connection.invoke('Join', roomId).then(function (present) {
      present.forEach(function (p) {
        var mark = document.querySelector('[data-presence="' + p.userId + '"]');
        if (mark) mark.textContent = '● ' + list.dataset.online;
      });
    });
  }

  // After a reconnection: fetch what was posted meanwhile, page by page.
  function catchUp() {
    var after = lastId();
    if (!live || !after) return Promise.resolve();
    return fetch('/api/v1/chat/rooms/' + roomId + '/messages?after=' + after + '&limit=100', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { items: [], hasMore: false }; })
      .then(function (page) { page.items.forEach(function (m) { upsert(m); }); if (page.hasMore) return catchUp(); });
  }

  connection.onreconnecting(function () { if (status) status.textContent = list.dataset.connectionLost; });
  connection.onreconnected(function () { if (status) status.textContent = ''; join().then(catchUp); });

  connection.start().then(function () {
    list.dataset.connected = 'true';
    return join();
  }).catch(function () { /* the page keeps working through its form */ });

  if (form && body && live) {
    form.addEventListener('submit', function (e) {
      if (connection.state !== signalR.HubConnectionState.Connected || (file && file.files.length > 0)) return; // the form posts
      e.preventDefault();
      var text = body.value;
      connection.invoke('Send', roomId, text).then(function (m) {
        body.value = '';
        if (errors) errors.textContent = '';
        upsert(m);
      }).catch(function (err) { showError(message(err)); });
    });
    body.addEventListener('input', function () {
      var now = Date.now();
      if (connection.state === signalR.HubConnectionState.Connected && now - lastTyping > 2000) {
        lastTyping = now;
        connection.invoke('Typing', roomId).catch(function () {});
      }
    });
  }

  var older = document.getElementById('chat-older');
  if (older) {
    older.addEventListener('click', function (e) {
      var before = firstId();
      if (!before) return;
      e.preventDefault();
      fetch('/api/v1/chat/rooms/' + roomId + '/messages?before=' + before, { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (page) {
          for (var i = page.items.length - 1; i >= 0; i--) upsert(page.items[i], true);
          if (!page.hasMore) older.parentNode.remove();
        });
    });
  }
})();
