/**
 * cardvault hosted fields: the merchant-page API of cardvault.js (window.CardVault).
 * Served at /js/cardvault.d.ts. No event, state or error ever carries what the
 * shopper typed; the last 4 digits appear only in the tokenize() result.
 */
declare namespace CardVault {
  type FieldType = 'number' | 'expiry' | 'cvc' | 'holderName' | 'postalCode';
  type Locale = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'pl' | 'sv' | 'da' | 'fi' | 'ja' | 'auto';
  type ColorScheme = 'light' | 'dark' | 'auto';
  type Brand =
    | 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'maestro'
    | 'elo' | 'mir' | 'hiper' | 'hipercard' | 'troy' | 'verve' | 'naranja' | 'unknown';

  type FieldErrorCode =
    | 'required' | 'invalid-luhn' | 'invalid-length' | 'unsupported-characters' | 'expired'
    | 'invalid-month' | 'invalid-expiry' | 'invalid-cvc' | 'invalid-postal-code';
  type LoadErrorCode = 'origin-not-allowed' | 'invalid-key' | 'unreachable' | 'insecure-page';
  type RequestErrorCode =
    | 'validation-error' | 'network-error' | 'server-error' | 'rate-limited' | 'timeout' | 'cancelled'
    | LoadErrorCode;

  /** CSS declarations from the allowlist (camelCase or kebab-case). */
  interface StyleDeclarations {
    color?: string;
    fontFamily?: string;
    fontSize?: string | number;
    fontStyle?: string;
    fontVariant?: string;
    fontWeight?: string | number;
    letterSpacing?: string | number;
    lineHeight?: string | number;
    padding?: string | number;
    paddingTop?: string | number;
    paddingRight?: string | number;
    paddingBottom?: string | number;
    paddingLeft?: string | number;
    textAlign?: string;
    textDecoration?: string;
    textShadow?: string;
    textTransform?: string;
    [kebabCase: string]: string | number | StyleDeclarations | undefined;
  }
  interface InputStyle extends StyleDeclarations {
    '::placeholder'?: StyleDeclarations;
    ':focus'?: StyleDeclarations;
    '.invalid'?: StyleDeclarations;
    '.valid'?: StyleDeclarations;
  }
  interface Styles {
    base?: InputStyle;
    focus?: InputStyle;
    invalid?: InputStyle;
    complete?: InputStyle;
    /** The error text under the input. */
    error?: StyleDeclarations;
  }

  /**
   * A web-font stylesheet, e.g. https://fonts.googleapis.com/css2?family=Inter. The frames load it
   * only when the tenant registered it with cardvault (fontStylesheets); use its family in
   * styles.base.fontFamily.
   */
  interface FontSource {
    cssSrc: string;
  }

  interface FieldsOptions {
    /** Publishable key, pk_...; a secret key is refused. */
    key: string;
    locale?: Locale;
    styles?: Styles;
    /** Web fonts for the frames (at most 10); only the tenant's registered stylesheets load. */
    fonts?: FontSource[];
    /** Default: the origin of the cardvault.js <script src>. */
    origin?: string;
    /** ms for tokenize() / recollectCvc(); default 15000. */
    timeout?: number;
    /** Default true: the frame shows the error text; false keeps it for screen readers only. */
    showErrors?: boolean;
    /** Default 'auto': follow the page (container color-scheme, <meta name="color-scheme">). */
    colorScheme?: ColorScheme;
  }
  interface UpdateOptions {
    locale?: Locale;
    styles?: Styles;
    fonts?: FontSource[];
    colorScheme?: ColorScheme;
    showErrors?: boolean;
  }
  interface FieldOptions {
    placeholder?: string;
    /** Number field: the inline brand icon; default true. */
    icon?: boolean;
    /** CVC field: CVC-only mode for a stored token. */
    token?: string;
    /** CVC field in CVC-only mode: the stored card's brand (amex needs 4 digits). */
    brand?: Brand;
  }
  interface FieldUpdateOptions {
    placeholder?: string;
    icon?: boolean;
  }

  interface FieldError {
    code: FieldErrorCode;
    message: string;
  }
  /** A field's public state: never a digit of what was typed. */
  interface FieldState {
    empty: boolean;
    complete: boolean;
    valid: boolean;
    error: FieldError | null;
    /** number and cvc only. */
    brand?: Brand;
  }
  type GroupState = { [F in FieldType]?: FieldState };

  interface FieldEvent {
    field: FieldType;
  }
  interface ChangeEvent extends FieldState {
    field: FieldType;
  }
  interface BrandEvent {
    field: 'number';
    brand: Brand;
  }
  interface LoadErrorEvent {
    field: FieldType;
    code: LoadErrorCode;
    message: string;
  }
  interface EventMap {
    ready: FieldEvent;
    change: ChangeEvent;
    focus: FieldEvent;
    blur: FieldEvent;
    brand: BrandEvent;
    enter: FieldEvent;
    loaderror: LoadErrorEvent;
  }

  interface Token {
    id: string;
    card: { brand: Brand; last4: string; expiryMonth: number; expiryYear: number };
  }

  /** What tokenize() and recollectCvc() reject with (`instanceof CardVault.CardVaultError`). */
  interface CardVaultError extends Error {
    readonly name: 'CardVaultError';
    readonly code: RequestErrorCode;
    /** The API's problem type URI, or 'about:blank' when the API did not answer. */
    readonly type: string;
    /** Hosted fields at fault. */
    readonly fields: FieldType[];
    readonly status?: number;
    readonly errors?: Array<{ field: FieldType; code: FieldErrorCode; message: string }>;
  }

  interface Field {
    mount(target: string | Element): Field;
    unmount(): Field;
    update(options: FieldUpdateOptions): Field;
    focus(): Field;
    blur(): Field;
    clear(): Field;
    getState(): FieldState;
    destroy(): void;
  }

  interface FieldsGroup {
    create(type: FieldType, options?: FieldOptions): Field;
    on<E extends keyof EventMap>(event: E, handler: (event: EventMap[E]) => void): FieldsGroup;
    off<E extends keyof EventMap>(event: E, handler: (event: EventMap[E]) => void): FieldsGroup;
    /** Rejects with a CardVaultError. */
    tokenize(): Promise<Token>;
    /** CVC-only mode; rejects with a CardVaultError. */
    recollectCvc(): Promise<void>;
    getState(): GroupState;
    update(options: UpdateOptions): FieldsGroup;
    clear(): void;
    destroy(): void;
  }

  interface Static {
    readonly version: string;
    readonly CardVaultError: { new (details: never): CardVaultError; readonly prototype: CardVaultError };
    fields(options: FieldsOptions): FieldsGroup;
  }
}

declare var CardVault: CardVault.Static;

interface Window {
  CardVault: CardVault.Static;
}
