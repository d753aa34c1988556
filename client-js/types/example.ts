// A typed merchant checkout; the build checks it with `tsc --noEmit --strict`.
/// <reference path="./cardvault.d.ts" />

const fields: CardVault.FieldsGroup = CardVault.fields({
  key: 'pk_test_example',
  locale: 'auto',
  colorScheme: 'auto',
  fonts: [{ cssSrc: 'https://fonts.googleapis.com/css2?family=Inter' }],
  styles: { base: { color: '#32325d', fontFamily: 'Inter, sans-serif', fontSize: '16px', '::placeholder': { color: '#8a8fa3' } }, error: { color: '#b00020' } },
});

const number: CardVault.Field = fields.create('number', { placeholder: '1234 1234 1234 1234', icon: true }).mount('#card-number');
fields.create('expiry').mount('#card-expiry');
fields.create('cvc').mount('#card-cvc');
fields.create('postalCode').mount('#card-postal');

fields.on('change', (e: CardVault.ChangeEvent) => {
  const text: string = e.error ? e.error.message : '';
  console.log(e.field, e.complete, e.brand, text);
});
fields.on('brand', (e) => console.log(e.brand === 'amex'));
fields.on('loaderror', (e) => console.warn(e.code satisfies CardVault.LoadErrorCode, e.message));

async function pay(): Promise<string | null> {
  const state: CardVault.GroupState = fields.getState();
  if (!state.number?.valid) number.focus();
  try {
    const token: CardVault.Token = await fields.tokenize();
    return token.id + ' ' + token.card.last4;
  } catch (err) {
    if (err instanceof CardVault.CardVaultError) {
      console.error(err.code, err.type, err.fields.join(','), err.status ?? 0);
    }
    return null;
  }
}

fields.update({ locale: 'de' });
number.update({ icon: false }).unmount().mount(document.body);
void pay();
