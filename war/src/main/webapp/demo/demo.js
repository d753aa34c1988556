// The demo merchant page: mounts cardvault's hosted fields, shows every event it receives,
// tokenizes, then asks its own backend (/demo/pay) to charge the token through the sandbox PSP,
// and lists the backend's recent orders (/demo/orders.json). Every text comes from i18n.js.
(function () {
  'use strict';
  var I18n = window.DemoI18n;
  var params = new URLSearchParams(location.search);
  var locale = I18n.pick(params.get('locale') || navigator.language);
  var AMOUNT = 1999;
  var CURRENCY = 'EUR';
  var fields;
  var state = {};
  var $ = function (id) { return document.getElementById(id); };
  var t = function (key, values) { return I18n.t(locale, key, values); };

  function money(minor, currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: currency }).format(minor / 100);
    } catch (e) {
      return currency + ' ' + (minor / 100).toFixed(2);
    }
  }

  function dateTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    try {
      return d.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
    } catch (e) {
      return iso;
    }
  }

  /** Fills every [data-i18n] element and [data-i18n-label] aria-label from the catalogue. */
  function applyTexts() {
    document.documentElement.lang = locale;
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-label]'), function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label')));
    });
    // the test cards as <code>, inside the localized sentence
    var tryCards = $('try-cards');
    tryCards.textContent = '';
    var codes = { approved: '4111 1111 1111 1111', declined: '4000 0000 0000 9995' };
    t('tryCards').split(/(\{approved\}|\{declined\})/).forEach(function (part) {
      var m = /^\{(approved|declined)\}$/.exec(part);
      if (m) {
        var code = document.createElement('code');
        code.textContent = codes[m[1]];
        tryCards.appendChild(code);
      } else if (part) {
        tryCards.appendChild(document.createTextNode(part));
      }
    });
    var total = money(AMOUNT, CURRENCY);
    $('amount-label').textContent = t('payTotal', { amount: total });
    $('pay').textContent = t('payTotal', { amount: total });
    $('brand').textContent = t('brandUnknown');
  }

  /** classList.toggle(name, force) without relying on the force argument (HtmlUnit ignores it). */
  function setClass(el, name, on) {
    if (on) el.classList.add(name); else el.classList.remove(name);
  }

  function log(name, payload) {
    var li = document.createElement('li');
    li.className = 'list-group-item py-1';
    li.textContent = name + ' ' + JSON.stringify(payload || {});
    $('events').insertBefore(li, $('events').firstChild);
  }

  function showError(message) {
    $('form-error').textContent = message;
    setClass($('form-error'), 'd-none', !message);
  }

  function setStatus(text, outcome) {
    var el = $('payment-status');
    el.textContent = text;
    el.className = 'col-8' + (outcome === 'approved' ? ' cv-ok' : outcome ? ' cv-bad' : '');
    if (outcome) el.setAttribute('data-outcome', outcome); else el.removeAttribute('data-outcome');
  }

  function updateButton() {
    var ready = ['number', 'expiry', 'cvc'].every(function (f) { return state[f] && state[f].complete; });
    $('pay').disabled = !ready;
  }

  function brandText(brand) {
    return !brand || brand === 'unknown' ? t('brandUnknown') : brand;
  }

  function mount(publishableKey) {
    fields = CardVault.fields({
      key: publishableKey,
      locale: locale,
      styles: {
        base: { color: '#212529', 'font-size': '16px', 'font-family': 'system-ui, sans-serif', '::placeholder': { color: '#6c757d' } },
        invalid: { color: '#b02a37' },
        complete: { color: '#146c43' }
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
        if (name === 'brand' && e) $('brand').textContent = brandText(e.brand);
        if (name === 'enter') $('checkout').requestSubmit();
      });
    });
    fields.on('change', function (e) {
      log('change', e);
      state[e.field] = e;
      var host = $(hostId(e.field));
      if (host) setClass(host, 'cv-invalid', !!e.error);
      if (e.field === 'number' && 'brand' in e) $('brand').textContent = brandText(e.brand);
      updateButton();
    });
    // the fields' own message, already in the selected language
    fields.on('loaderror', function (e) {
      log('loaderror', e);
      showError(e && e.message ? e.message : t('failed'));
    });
  }

  function hostId(field) {
    return { number: 'card-number', expiry: 'card-expiry', cvc: 'card-cvc', holderName: 'card-holder' }[field];
  }

  /** The shopper's message for the backend's outcome: never a raw code. */
  function outcomeText(outcome) {
    if (outcome.status === 'approved') return t('approved', { id: outcome.transactionId || '—' });
    var key = 'decline.' + (outcome.reason || '');
    if (outcome.status === 'declined' && I18n.messages.en[key]) return t(key);
    if (outcome.status === 'declined') return t('decline.card_declined');
    return t('failed');
  }

  function pay(event) {
    event.preventDefault();
    showError('');
    var customerName = $('customer-name').value.trim();
    if ((customerName.match(/\d/g) || []).length >= 6) {
      showError(t('nameInvalid'));
      return;
    }
    $('pay').disabled = true;
    setStatus(t('tokenizing'));
    fields.tokenize().then(function (token) {
      log('tokenized', token);
      $('token-id').textContent = token.id;
      $('token-card').textContent = token.card.brand + ' •••• ' + token.card.last4 + ' (' +
        String(token.card.expiryMonth).padStart(2, '0') + '/' + token.card.expiryYear + ')';
      setStatus(t('charging'));
      return fetch('/demo/pay', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tokenId: token.id, amount: AMOUNT, currency: CURRENCY, customerName: customerName })
      }).then(function (r) {
        return r.json().then(function (body) { return body; }, function () { return {}; });
      }).then(function (result) {
        var outcome = result.outcome || { status: 'failed' };
        log('payment', { status: outcome.status });
        var text = outcomeText(outcome);
        setStatus(text, outcome.status);
        if (outcome.status !== 'approved') showError(text);
        loadOrders();
      }, function (err) {
        log('error', { message: String(err && err.message) });
        setStatus(t('failed'), 'failed');
        showError(t('failed'));
      });
    }, function (err) {
      // a CardVaultError: its message comes from the fields' catalogue, in the same language
      log('error', { code: err && err.code });
      showError(err && err.code && err.message ? err.message : t('failed'));
      setStatus('—');
    }).then(updateButton);
  }

  function loadOrders() {
    return fetch('/demo/orders.json').then(function (r) {
      if (!r.ok) throw new Error('orders ' + r.status);
      return r.json();
    }).then(function (body) {
      renderOrders(body.orders || []);
    }).catch(function () {
      $('orders').textContent = '';
      $('orders-empty').textContent = t('ordersError');
      $('orders-empty').classList.remove('d-none');
    });
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function renderOrders(orders) {
    var body = $('orders');
    body.textContent = '';
    orders.forEach(function (o) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-transaction', o.transactionId || '');
      tr.setAttribute('data-status', o.status);
      var tx = cell(tr, '', 'cv-tx');
      var code = document.createElement('code');
      code.textContent = o.transactionId || '—';
      code.title = o.transactionId || '';
      tx.appendChild(code);
      cell(tr, o.customerName || '—');
      cell(tr, money(o.amount, o.currency), 'text-end text-nowrap');
      cell(tr, dateTime(o.createdAt));
      var status = document.createElement('span');
      var known = ['approved', 'declined', 'failed'].indexOf(o.status) >= 0 ? o.status : 'failed';
      status.className = 'cv-status cv-status-' + known;
      status.textContent = t('status.' + known);
      cell(tr, '', 'text-nowrap').appendChild(status);
      body.appendChild(tr);
    });
    $('orders-empty').textContent = t('ordersEmpty');
    setClass($('orders-empty'), 'd-none', orders.length > 0);
  }

  I18n.locales.forEach(function (l) {
    var option = document.createElement('option');
    option.value = l;
    option.lang = l;
    option.textContent = I18n.names[l];
    $('locale').appendChild(option);
  });
  $('locale').value = locale;
  $('locale').addEventListener('change', function () {
    // the frames carry one language each, so the page reloads in the new one
    location.search = '?locale=' + encodeURIComponent($('locale').value);
  });
  applyTexts();
  $('checkout').addEventListener('submit', pay);
  fetch('/demo/config.json').then(function (r) {
    if (!r.ok) throw new Error('demo-off');
    return r.json();
  }).then(function (config) { mount(config.publishableKey); loadOrders(); })
    .catch(function () { showError(t('demoOff')); });
}());
