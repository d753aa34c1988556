/**
 * The one brand rule file shared with the Java server, imported from its
 * place in the server module (never copied). The build drops its test
 * vectors from the bundle; the tests read them.
 */
import cardBrands from '../../../server/src/main/resources/card-brands.json' with { type: 'json' };

export default cardBrands;
