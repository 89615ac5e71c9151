/**
 * How one environment variable is declared: name, default, parser (with its range) and description
 * together, so the value the code reads and the row the docs show cannot drift apart. A parser
 * produces the typed value or a ConfigError of one sentence that names the variable.
 */
import { z } from "zod";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface Variable<T> {
  readonly name: string;
  /** The default as the docs show it: the value, or "(unset)" with what unset means. */
  readonly shownDefault: string;
  /** The values it takes, as the docs show them (a range, a list, a format). */
  readonly shownValues: string;
  readonly description: string;
  /** `raw` is the trimmed value, undefined when unset or blank. */
  parse(raw: string | undefined): T;
}

/** A variable's value in `env`. */
export function read<T>(env: Env, variable: Variable<T>): T {
  return variable.parse(rawValue(env, variable));
}

/** Whether `env` sets the variable (blank counts as unset). */
export function isSet(env: Env, variable: Variable<unknown>): boolean {
  return rawValue(env, variable) != null;
}

function rawValue(env: Env, variable: Variable<unknown>): string | undefined {
  const value = env[variable.name]?.trim();
  return value === "" ? undefined : value;
}

interface Described {
  readonly name: string;
  readonly description: string;
}

/** Without a default the value is undefined when unset; `unset` says what that means, for the docs. */
interface Unset {
  readonly default?: undefined;
  readonly unset?: string;
}

type Defaulted<T, O> = O extends { readonly default: NonNullable<unknown> } ? T : T | undefined;

function declare<T>(
  options: Described & { readonly default?: string | number | boolean; readonly unset?: string },
  shownValues: string,
  fallback: T,
  parse: (raw: string) => T,
): Variable<T> {
  return {
    name: options.name,
    description: options.description,
    shownValues,
    shownDefault: options.default != null ? String(options.default) : options.unset != null ? `(unset: ${options.unset})` : "(unset)",
    parse: (raw) => (raw == null ? fallback : parse(raw)),
  };
}

/** A parser from a zod schema; any failure is the one sentence "NAME must be <expected>". */
function fromSchema<T>(name: string, schema: z.ZodType<T, string>, expected: string, echo: boolean): (raw: string) => T {
  return (raw) => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    throw new ConfigError(`${name} must be ${expected}${echo ? `, but is "${raw}"` : ""}.`);
  };
}

/** Declares a variable with its own parser (which throws ConfigError); `whenUnset` makes its value when unset. */
export function custom<T>(
  options: Described & Pick<Variable<T>, "shownDefault" | "shownValues"> & { readonly whenUnset: () => T; readonly parse: (raw: string) => T },
): Variable<T> {
  const { name, description, shownDefault, shownValues, whenUnset, parse } = options;
  return { name, description, shownDefault, shownValues, parse: (raw) => (raw == null ? whenUnset() : parse(raw)) };
}

/** "1 to 1,000,000": the docs group digits, the errors show numbers as they are typed. */
function range({ min, max }: { readonly min: number; readonly max: number }): string {
  const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${grouped(min)} to ${grouped(max)}`;
}

type RangeOptions = Described & { readonly min: number; readonly max: number } & ({ readonly default: number } | Unset);

export function integer<const O extends RangeOptions>(options: O): Variable<Defaulted<number, O>> {
  const schema = z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.number().min(options.min).max(options.max));
  const parse = fromSchema(options.name, schema, `a whole number from ${options.min} to ${options.max}`, true);
  return declare(options, range(options), options.default as Defaulted<number, O>, parse);
}

/** A decimal number such as 0.25 (no exponent, no sign other than a leading minus). */
export function decimal<const O extends RangeOptions>(options: O): Variable<Defaulted<number, O>> {
  const schema = z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().min(options.min).max(options.max));
  const parse = fromSchema(options.name, schema, `a number from ${options.min} to ${options.max}`, true);
  return declare(options, range(options), options.default as Defaulted<number, O>, parse);
}

type BooleanOptions = Described & ({ readonly default: boolean } | Unset);

/** true, 1, yes or on; false, 0, no or off; in any case. */
export function boolean<const O extends BooleanOptions>(options: O): Variable<Defaulted<boolean, O>> {
  const schema = z.stringbool({ truthy: ["true", "1", "yes", "on"], falsy: ["false", "0", "no", "off"], case: "insensitive" });
  return declare(options, "true or false", options.default as Defaulted<boolean, O>, fromSchema(options.name, schema, "true or false", true));
}

/** One of `values`, in any case; the value is the lower-case one. */
export function oneOf<const V extends readonly [string, ...string[]]>(
  options: Described & { readonly values: V; readonly default: V[number] },
): Variable<V[number]> {
  const schema = z.string().toLowerCase().pipe(z.enum(options.values));
  const expected = options.values.length === 2 ? options.values.join(" or ") : `one of ${options.values.slice(0, -1).join(", ")} or ${options.values.at(-1)}`;
  return declare(options, options.values.join(", "), options.default, fromSchema(options.name, schema as z.ZodType<V[number], string>, expected, true));
}

type UrlOptions = Described & ({ readonly default: string } | Unset);

/** An absolute http(s) URL; the value is its normalized form (https://x becomes https://x/). */
export function url<const O extends UrlOptions>(options: O): Variable<Defaulted<string, O>> {
  const parse = fromSchema(options.name, z.url({ protocol: /^https?$/, normalize: true }), "an absolute http(s) URL", true);
  return declare(options, "http(s) URL", (options.default == null ? undefined : parse(options.default)) as Defaulted<string, O>, parse);
}

type TextOptions = Described & { readonly pattern?: RegExp; readonly expected?: string } & ({ readonly default: string } | Unset);

/** Free text, or text matching `pattern` (then `expected` describes it for the error). */
export function text<const O extends TextOptions>(options: O): Variable<Defaulted<string, O>> {
  const schema = options.pattern ? z.string().regex(options.pattern) : z.string();
  const expected = options.expected ?? "text";
  return declare(options, expected, options.default as Defaulted<string, O>, fromSchema(options.name, schema, expected, true));
}

type SecretOptions = Described &
  Unset &
  ({ readonly minLength?: number; readonly pattern?: undefined } | { readonly pattern: RegExp; readonly expected: string });

/** A value never echoed in an error: a secret, a key, or a URL that may carry a password. */
export function secret(options: SecretOptions): Variable<string | undefined> {
  const schema = options.pattern ? z.string().regex(options.pattern) : z.string().min(options.minLength ?? 0);
  const expected = options.pattern ? options.expected : options.minLength != null ? `at least ${options.minLength} characters long` : "text";
  return declare(options, expected, undefined, fromSchema(options.name, schema, expected, false));
}
