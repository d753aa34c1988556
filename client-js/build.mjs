// Builds the browser assets into target/classes/META-INF/resources so the
// jar serves them as a web fragment: /js/cardvault.js, /js/cardvault.d.ts and
// /fields/field.{html,css,js} plus one frame bundle per locale
// (field.<locale>.js, picked by field.js). Type-checks the typed example with
// tsc --strict, prints the gzip sizes against the budgets and the SRI hash of
// cardvault.js. Run by Maven (exec-maven-plugin) after `npm ci`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, process.env.CARDVAULT_JS_OUT || 'target/classes/META-INF/resources');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const catalogue = await import(pathToFileURL(join(root, 'src/shared/catalogue.js')).href);

// The bundle needs the brand rules, not the test vectors and comments of card-brands.json.
const brandRulesOnly = {
  name: 'card-brands-without-vectors',
  setup(b) {
    b.onLoad({ filter: /card-brands\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      // display names are the server's; the fields need the rules only
      const rule = ({ name, ...rest }) => rest;
      return { contents: JSON.stringify({ brands: data.brands.map(rule), unknown: rule(data.unknown) }), loader: 'json' };
    });
  },
};

/** The catalogue with English (the fallback) and one locale only. */
function oneLocale(locale) {
  const keep = catalogue.LOCALES.map((l, i) => (l === 'en' || l === locale ? i : -1)).filter((i) => i >= 0);
  return {
    name: 'catalogue-' + locale,
    setup(b) {
      b.onLoad({ filter: /[\\/]catalogue\.js$/ }, () => {
        const lines = Object.keys(catalogue).map((name) => {
          const value = catalogue[name];
          const picked = Array.isArray(value)
            ? keep.map((i) => value[i])
            : Object.fromEntries(Object.entries(value).map(([k, texts]) => [k, keep.map((i) => texts[i])]));
          return `export const ${name} = ${JSON.stringify(picked)};`;
        });
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
}

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2017',
  platform: 'browser',
  legalComments: 'none',
  charset: 'utf8',
  plugins: [brandRulesOnly],
  logLevel: 'warning',
};

mkdirSync(join(out, 'js', 'v' + pkg.version), { recursive: true });
mkdirSync(join(out, 'fields'), { recursive: true });

await build({ ...common, entryPoints: [join(root, 'src/external/cardvault.js')], outfile: join(out, 'js/cardvault.js') });
copyFileSync(join(out, 'js/cardvault.js'), join(out, 'js', 'v' + pkg.version, 'cardvault.js'));
copyFileSync(join(root, 'types/cardvault.d.ts'), join(out, 'js/cardvault.d.ts'));
await build({ ...common, entryPoints: [join(root, 'src/internal/field-loader.js')], outfile: join(out, 'fields/field.js') });
for (const locale of catalogue.LOCALES) {
  await build({
    ...common,
    plugins: [brandRulesOnly, oneLocale(locale)],
    entryPoints: [join(root, 'src/internal/field-main.js')],
    outfile: join(out, `fields/field.${locale}.js`),
  });
}
copyFileSync(join(root, 'src/internal/field.html'), join(out, 'fields/field.html'));
copyFileSync(join(root, 'src/internal/warm.html'), join(out, 'fields/warm.html'));
copyFileSync(join(root, 'src/internal/field.css'), join(out, 'fields/field.css'));

// Precompressed copies: the server's StaticAssetsFilter sends <name>.gz to clients that accept gzip.
for (const f of [
  'js/cardvault.js',
  `js/v${pkg.version}/cardvault.js`,
  'js/cardvault.d.ts',
  'fields/field.js',
  'fields/field.css',
  ...catalogue.LOCALES.map((l) => `fields/field.${l}.js`),
]) {
  writeFileSync(join(out, f + '.gz'), gzipSync(readFileSync(join(out, f)), { level: 9 }));
}

if (process.env.CARDVAULT_SKIP_TSC !== 'true') {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  // --typeRoots at a folder that does not exist: no ambient @types (the browser-test tools bring
  // @types/node along), so the example is checked against the DOM and cardvault.d.ts only
  const args = ['--noEmit', '--strict', '--target', 'es2017', '--lib', 'es2017,dom', '--typeRoots', './types/no-ambient-types'];
  execFileSync(process.execPath, [tsc, ...args, 'types/example.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log('cardvault: types/example.ts type-checks against cardvault.d.ts (tsc --strict)');
}

const gz = (...files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
const raw = (...files) => files.reduce((n, f) => n + readFileSync(join(out, f)).length, 0);
const KB = 1024;
let overBudget = false;
function report(label, budget, ...files) {
  const size = gz(...files);
  const over = budget && size > budget;
  overBudget = overBudget || over;
  console.log(
    `cardvault: ${label}: ${raw(...files)} bytes, ${size} bytes gzip` +
      (budget ? ` (budget ${budget / KB} KiB${over ? ': OVER' : ''})` : ''),
  );
}
report('js/cardvault.js', 9 * KB, 'js/cardvault.js');
let largest = null;
for (const locale of catalogue.LOCALES) {
  const size = gz(`fields/field.${locale}.js`);
  if (!largest || size > largest.size) largest = { locale, size };
}
// what one field frame downloads: field.html as served names its locale's bundle itself
// (FieldsPageFilter), so the field.js loader is not among them (only the warm-up frame runs it)
report(`frame: field.html + field.${largest.locale}.js (largest locale) + field.css`, 14 * KB,
  'fields/field.html', `fields/field.${largest.locale}.js`, 'fields/field.css');
const sri = 'sha384-' + createHash('sha384').update(readFileSync(join(out, 'js/cardvault.js'))).digest('base64');
console.log(`cardvault: js/cardvault.js (also js/v${pkg.version}/cardvault.js) integrity="${sri}"`);
if (overBudget && process.env.CARDVAULT_ALLOW_OVER_BUDGET !== 'true') {
  console.error('cardvault: a bundle is over its gzip budget');
  process.exit(1);
}
