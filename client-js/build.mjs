// Builds the browser assets into target/classes/META-INF/resources so the
// jar serves them as a web fragment: /js/cardvault.js and /fields/field.{html,js,css}.
// Prints the gzip sizes. Run by Maven (exec-maven-plugin) after `npm ci`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, process.env.CARDVAULT_JS_OUT || 'target/classes/META-INF/resources');

// The bundle needs the brand rules, not the test vectors and comments of card-brands.json.
const brandRulesOnly = {
  name: 'card-brands-without-vectors',
  setup(b) {
    b.onLoad({ filter: /card-brands\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      return { contents: JSON.stringify({ brands: data.brands, unknown: data.unknown }), loader: 'json' };
    });
  },
};

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

mkdirSync(join(out, 'js'), { recursive: true });
mkdirSync(join(out, 'fields'), { recursive: true });

await build({ ...common, entryPoints: [join(root, 'src/external/cardvault.js')], outfile: join(out, 'js/cardvault.js') });
await build({ ...common, entryPoints: [join(root, 'src/internal/field-main.js')], outfile: join(out, 'fields/field.js') });
copyFileSync(join(root, 'src/internal/field.html'), join(out, 'fields/field.html'));
copyFileSync(join(root, 'src/internal/field.css'), join(out, 'fields/field.css'));

const gz = (...files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
const raw = (...files) => files.reduce((n, f) => n + readFileSync(join(out, f)).length, 0);
const report = (label, ...files) =>
  console.log(`cardvault: ${label}: ${raw(...files)} bytes, ${gz(...files)} bytes gzip`);
report('js/cardvault.js', 'js/cardvault.js');
report('fields/field.html + field.js', 'fields/field.html', 'fields/field.js');
report('fields/field.css', 'fields/field.css');
