// cardvault.d.ts describes the whole merchant API: every event, every group and field method.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PUBLIC_EVENTS } from '../src/external/event-emitter.js';
import { createFields } from '../src/external/fields-group.js';
import { LOAD_ERROR_CODES, FieldErrorCode } from '../src/shared/error-catalogue.js';
import { FIELD_NAMES } from '../src/shared/field-types.js';
import { LOCALES } from '../src/shared/catalogue.js';
import cardBrands from '../src/shared/card-brands-data.js';
import { createWorld } from './fake-windows.mjs';
import { merchantPage } from './fake-dom.mjs';

const dts = readFileSync(new URL('../types/cardvault.d.ts', import.meta.url), 'utf8');
const section = (name) => dts.slice(dts.indexOf('interface ' + name + ' {'), dts.indexOf('\n  }', dts.indexOf('interface ' + name + ' {')));

test('dts_coversEveryEventMethodTypeLocaleBrandAndCode', () => {
  PUBLIC_EVENTS.forEach((e) => assert.match(section('EventMap'), new RegExp('\\b' + e + ':'), e));
  const world = createWorld();
  const m = merchantPage(world, 'https://shop.example', 'https://vault.example', () => {});
  const group = createFields({ key: 'pk_x', origin: 'https://vault.example' }, { win: m.page });
  Object.keys(group).forEach((k) => assert.match(section('FieldsGroup'), new RegExp('\\b' + k + '[<(]'), 'group.' + k));
  Object.keys(group.create('number')).forEach((k) => assert.match(section('Field'), new RegExp('\\b' + k + '\\('), 'field.' + k));
  FIELD_NAMES.forEach((f) => assert.ok(dts.includes(`'${f}'`), f));
  LOCALES.forEach((l) => assert.ok(dts.includes(`'${l}'`), l));
  cardBrands.brands.forEach((b) => assert.ok(dts.includes(`'${b.brand}'`), b.brand));
  [...LOAD_ERROR_CODES, ...Object.values(FieldErrorCode)].forEach((c) => assert.ok(dts.includes(`'${c}'`), c));
  group.destroy();
});
