// The demo merchant page: mounts cardvault's hosted fields, shows every event it receives,
// tokenizes, then asks its own backend (/demo/pay) to charge the token through the sandbox PSP.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var locale = params.get('locale') || 'en';
  var fields;
  var state = {};
  var $ = function (id) { return document.getElementById(id); };

  function log(name, payload) {
    var li = document.createElement('li');
    li.className = 'list-group-item py-1';
    li.textContent = name + ' ' + JSON.stringify(payload || {});
    $('events').insertBefore(li, $('events').firstChild);
  }

  function showError(message) {
    $('form-error').textContent = message;
    $('form-error').classList.toggle('d-none', !message);
  }

  function updateButton() {
    var ready = ['number', 'expiry', 'cvc'].every(function (f) { return state[f] && state[f].complete; });
    $('pay').disabled = !ready;
  }

  function mount(publishableKey) {
    fields = CardVault.fields({
      key: publishableKey,
      locale: locale,
      styles: {
        base: { color: '#212529', 'font-size': '16px', 'font-family': 'system-ui, sans-serif', '::placeholder': { color: '#6c757d' } },
        invalid: { color: '#dc3545' },
        complete: { color: '#198754' }
      }
    });
    fields.create('number', { placeholder: '1234 1234 1234 1234' }).mount('#card-number');
    fields.create('expiry').mount('#card-expiry');
    fields.create('cvc').mount('#card-cvc');
    fields.create('holderName', { placeholder: 'Jane Doe' }).mount('#card-holder');
    ['ready', 'focus', 'blur', 'brand', 'enter'].forEach(function (name) {
      fields.on(name, function (e) {
        log(name, e);
        var host = e && e.field && $(hostId(e.field));
        if (host && name === 'focus') host.classList.add('cv-focused');
        if (host && name === 'blur') host.classList.remove('cv-focused');
        if (name === 'brand' && e && e.brand) $('brand').textContent = e.brand;
        if (name === 'enter') $('checkout').requestSubmit();
      });
    });
    fields.on('change', function (e) {
      log('change', e);
      state[e.field] = e;
      var host = $(hostId(e.field));
      if (host) host.classList.toggle('cv-invalid', !!e.error);
      if (e.brand && e.field === 'number') $('brand').textContent = e.brand;
      updateButton();
    });
  }

  function hostId(field) {
    return { number: 'card-number', expiry: 'card-expiry', cvc: 'card-cvc', holderName: 'card-holder' }[field];
  }

  function pay(event) {
    event.preventDefault();
    showError('');
    $('pay').disabled = true;
    $('payment-status').textContent = 'tokenizing…';
    fields.tokenize().then(function (token) {
      log('tokenized', token);
      $('token-id').textContent = token.id;
      $('token-card').textContent = token.card.brand + ' •••• ' + token.card.last4 + ' (' +
        String(token.card.expiryMonth).padStart(2, '0') + '/' + token.card.expiryYear + ')';
      $('payment-status').textContent = 'charging through the sandbox PSP…';
      return fetch('/demo/pay', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tokenId: token.id, amount: 1999, currency: 'EUR' })
      }).then(function (r) { return r.json(); });
    }).then(function (result) {
      log('payment', result);
      var psp = result.response || {};
      var text = psp.status === 'approved' ? 'approved (' + psp.id + ')'
        : psp.status === 'declined' ? 'declined: ' + psp.declineCode
        : 'error ' + result.status + (psp.title ? ': ' + psp.title : '');
      $('payment-status').textContent = text;
      $('payment-status').className = 'col-8 ' + (psp.status === 'approved' ? 'text-success' : 'text-danger');
    }).catch(function (err) {
      log('error', err);
      showError(err && err.message ? err.message : 'Payment failed');
      $('payment-status').textContent = '—';
    }).then(updateButton);
  }

  $('locale').value = locale;
  $('locale').addEventListener('change', function () {
    location.search = '?locale=' + encodeURIComponent($('locale').value);
  });
  $('checkout').addEventListener('submit', pay);
  fetch('/demo/config.json').then(function (r) {
    if (!r.ok) throw new Error('demo mode is off on this server');
    return r.json();
  }).then(function (config) { mount(config.publishableKey); })
    .catch(function (err) { showError(err.message); });
}());
