// cardvault's hosted payment page: mounts the hosted fields like any merchant page, tokenizes,
// completes the session with the token, then sends the shopper back to the shop.
(function () {
  'use strict';
  var TEXT = {
    en: { secure: 'Secure connection: your card details are encrypted and go straight to cardvault. The merchant never sees them.',
      number: 'Card number', expiry: 'Expiry date', cvc: 'Security code', pay: 'Pay', cancel: 'Cancel',
      paying: 'Processing…', failed: 'The payment could not be completed. Please check the card details and try again.',
      complete: 'This payment is complete. Nothing more to do.', expired: 'This payment link has expired. Nothing was charged.',
      unknown: 'This payment link is not valid.', back: 'Back to the shop' },
    de: { secure: 'Sichere Verbindung: Ihre Kartendaten werden verschlüsselt direkt an cardvault gesendet. Der Händler sieht sie nie.',
      number: 'Kartennummer', expiry: 'Ablaufdatum', cvc: 'Prüfnummer', pay: 'Bezahlen', cancel: 'Abbrechen',
      paying: 'Wird verarbeitet…', failed: 'Die Zahlung konnte nicht abgeschlossen werden. Bitte prüfen Sie die Kartendaten.',
      complete: 'Diese Zahlung ist abgeschlossen.', expired: 'Dieser Zahlungslink ist abgelaufen. Es wurde nichts belastet.',
      unknown: 'Dieser Zahlungslink ist ungültig.', back: 'Zurück zum Shop' },
    fr: { secure: 'Connexion sécurisée : vos données de carte sont chiffrées et envoyées directement à cardvault. Le marchand ne les voit jamais.',
      number: 'Numéro de carte', expiry: "Date d'expiration", cvc: 'Code de sécurité', pay: 'Payer', cancel: 'Annuler',
      paying: 'Traitement…', failed: "Le paiement n'a pas pu aboutir. Vérifiez les données de la carte.",
      complete: 'Ce paiement est terminé.', expired: "Ce lien de paiement a expiré. Rien n'a été débité.",
      unknown: "Ce lien de paiement n'est pas valide.", back: 'Retour à la boutique' },
    es: { secure: 'Conexión segura: los datos de su tarjeta se cifran y van directamente a cardvault. El comercio nunca los ve.',
      number: 'Número de tarjeta', expiry: 'Fecha de caducidad', cvc: 'Código de seguridad', pay: 'Pagar', cancel: 'Cancelar',
      paying: 'Procesando…', failed: 'No se pudo completar el pago. Compruebe los datos de la tarjeta.',
      complete: 'Este pago está completado.', expired: 'Este enlace de pago ha caducado. No se ha cobrado nada.',
      unknown: 'Este enlace de pago no es válido.', back: 'Volver a la tienda' }
  };
  var $ = function (id) { return document.getElementById(id); };
  var page = $('pay-page');
  var language = (navigator.language || 'en').toLowerCase().split(/[-_]/)[0];
  var locale = TEXT[language] ? language : 'en';
  var text = TEXT[locale];
  document.documentElement.lang = locale;
  Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
    var t = text[el.getAttribute('data-i18n')];
    if (t) el.textContent = t;
  });
  if (!page || page.getAttribute('data-state') !== 'open') return;

  var sessionId = page.getAttribute('data-session');
  var currency = page.getAttribute('data-currency');
  var digits = Number(page.getAttribute('data-digits'));
  var amount = Number(page.getAttribute('data-amount')) / Math.pow(10, digits);
  var formatted;
  try {
    formatted = new Intl.NumberFormat(navigator.language || 'en', { style: 'currency', currency: currency }).format(amount);
  } catch (e) {
    formatted = currency + ' ' + amount.toFixed(digits);
  }
  $('amount').textContent = formatted;
  Array.prototype.forEach.call(document.querySelectorAll('.amount-text'), function (el) { el.textContent = formatted; });

  var state = {};
  var busy = false;
  function showError(message) {
    $('pay-error').textContent = message || '';
    $('pay-error').hidden = !message;
  }
  function update() {
    $('pay-button').disabled = busy || !['number', 'expiry', 'cvc'].every(function (f) { return state[f] && state[f].complete; });
  }

  var fields = CardVault.fields({
    key: page.getAttribute('data-key'),
    locale: locale,
    styles: { base: { color: '#1b1f24', 'font-size': '16px', 'font-family': 'system-ui, sans-serif' }, invalid: { color: '#b00020' } }
  });
  fields.create('number', { placeholder: '1234 1234 1234 1234' }).mount('#card-number');
  fields.create('expiry').mount('#card-expiry');
  fields.create('cvc').mount('#card-cvc');
  fields.on('change', function (e) { state[e.field] = e; update(); });
  fields.on('enter', function () { $('pay-form').requestSubmit(); });

  $('cancel-button').addEventListener('click', function () {
    location.assign(page.getAttribute('data-cancel-url'));
  });
  $('pay-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    update();
    showError('');
    $('pay-button').setAttribute('aria-busy', 'true');
    fields.tokenize().then(function (token) {
      return fetch('/api/v1/checkout-sessions/' + encodeURIComponent(sessionId) + '/complete', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tokenId: token.id })
      });
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.code);
        return body;
      });
    }).then(function (session) {
      var url = session.successUrl;
      location.assign(url + (url.indexOf('?') === -1 ? '?' : '&') + 'session=' + encodeURIComponent(session.id));
    }).catch(function () {
      busy = false;
      $('pay-button').removeAttribute('aria-busy');
      showError(text.failed);
      update();
    });
  });
}());
