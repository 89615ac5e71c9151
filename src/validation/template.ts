/**
 * A template's structural rules, the ones that need no catalog: its name, language, and each
 * parameter's name and value by the kind its name says (header_text, body_n, a media header,
 * button_n_url). The same rules hold for sendTemplateMessage's template and a session send's
 * fallbackTemplate; template-catalog.ts checks a template against the business's catalog.
 */
import { z } from "zod";
import type { TemplateInput, TemplateParameterKind } from "../domain/templates.js";
import { LIMITS } from "./limits.js";
import {
  addRule,
  characters,
  checked,
  firstProblem,
  maxLength,
  notBlank,
  quoted,
  toIssues,
  URL_CHECKS,
  type Check,
  type Problem,
  type ValidationIssue,
} from "./values.js";

const BODY_NAME = /^body_([1-9][0-9]?|100)$/;
const BUTTON_NAME = /^button_([1-9]|10)_url$/;

const HEADER_KINDS: Readonly<Record<string, TemplateParameterKind>> = {
  header_text: "HEADER_TEXT",
  header_image: "HEADER_IMAGE",
  header_video: "HEADER_VIDEO",
  header_document: "HEADER_DOCUMENT",
};

/** What a parameter fills, from its name; null for a name that is none of WhatsApp's. */
export function parameterKind(name: string): TemplateParameterKind | null {
  if (Object.hasOwn(HEADER_KINDS, name)) return HEADER_KINDS[name] ?? null;
  if (BODY_NAME.test(name)) return "BODY_TEXT";
  if (BUTTON_NAME.test(name)) return "BUTTON_URL";
  return null;
}

/** The n of body_n or button_n_url. */
export const parameterIndex = (name: string): number | null => {
  const m = BODY_NAME.exec(name) ?? BUTTON_NAME.exec(name);
  return m ? Number(m[1]) : null;
};

const rule =
  (test: (s: string) => boolean, problem: Problem): Check =>
  (s) =>
    test(s) ? null : problem;
const text = (message: string): Problem => ({ rule: "TEMPLATE_PARAMETER_TEXT", message });

// WhatsApp refuses a parameter text with a new line or tab, or more than four spaces in a row.
const LINE_BREAK = /[\r\n]/;
const oneLine = rule((s) => !LINE_BREAK.test(s), text("must be one line: a header text cannot hold a line break"));
const noLineBreak = rule((s) => !LINE_BREAK.test(s), text("must not contain a line break: WhatsApp refuses new lines in template parameters"));
const noTab = rule((s) => !s.includes("\t"), text("must not contain a tab: WhatsApp refuses tabs in template parameters"));
const spacesInARow = new RegExp(` {${LIMITS.templateSpacesInARow + 1},}`);
const fewSpaces = rule(
  (s) => !spacesInARow.test(s),
  text(`must not hold more than ${LIMITS.templateSpacesInARow} spaces in a row: WhatsApp refuses them in template parameters`),
);
// The value is appended to the button's URL, where whitespace cannot stand.
const noWhitespace = rule((s) => !/\s/u.test(s), {
  rule: "TEMPLATE_BUTTON_URL",
  message: "must not contain whitespace: it completes the button's URL",
});

/** The checks of a value, by the kind its parameter's name says. */
const VALUE_CHECKS: Readonly<Record<TemplateParameterKind, readonly Check[]>> = {
  HEADER_TEXT: [characters, notBlank, maxLength(LIMITS.templateHeaderText), oneLine],
  BODY_TEXT: [characters, notBlank, maxLength(LIMITS.templateBodyParameter), noLineBreak, noTab, fewSpaces],
  HEADER_IMAGE: URL_CHECKS,
  HEADER_VIDEO: URL_CHECKS,
  HEADER_DOCUMENT: URL_CHECKS,
  BUTTON_URL: [characters, notBlank, maxLength(LIMITS.templateButtonUrl), noWhitespace],
};

const FILENAME_CHECKS: readonly Check[] = [characters, notBlank, maxLength(LIMITS.filename)];

const NAMES_MESSAGE = "must be header_text, header_image, header_video, header_document, body_1 to body_100 or button_1_url to button_10_url";

type Parameter = { name: string; value: string; filename?: string | null | undefined };

/** The issues of one parameter (at `i` under parameters): its name, value and filename. */
function checkParameter(p: Parameter, i: number, ctx: z.RefinementCtx): TemplateParameterKind | null {
  const nameProblem = characters(p.name);
  const kind = nameProblem ? null : parameterKind(p.name);
  if (nameProblem) addRule(ctx, [i, "name"], nameProblem.rule, nameProblem.message);
  else if (kind == null) addRule(ctx, [i, "name"], "TEMPLATE_PARAMETER_NAME", `is "${quoted(p.name)}": it ${NAMES_MESSAGE}`);

  // With no kind to go by, only what nothing can carry is refused.
  const valueProblem = firstProblem(p.value, kind ? VALUE_CHECKS[kind] : [characters]);
  if (valueProblem) addRule(ctx, [i, "value"], valueProblem.rule, valueProblem.message);

  if (p.filename != null) {
    const filenameProblem =
      kind != null && kind !== "HEADER_DOCUMENT"
        ? { rule: "TEMPLATE_FILENAME_DOCUMENT_ONLY" as const, message: `is only allowed on header_document, not on ${p.name}` }
        : firstProblem(p.filename, FILENAME_CHECKS);
    if (filenameProblem) addRule(ctx, [i, "filename"], filenameProblem.rule, filenameProblem.message);
  }
  return kind;
}

const parameters = z.array(z.object({ name: z.string(), value: z.string(), filename: z.string().nullish() })).superRefine((list, ctx) => {
  const first = new Map<string, number>();
  list.forEach((p, i) => {
    const kind = checkParameter(p, i, ctx);
    if (kind == null) return;
    const earlier = first.get(p.name);
    if (earlier != null)
      addRule(ctx, [i, "name"], "TEMPLATE_PARAMETER_DUPLICATE", `repeats ${p.name} (already at parameters[${earlier}]): give each parameter once`);
    else first.set(p.name, i);
  });
});

/** A template to send, structurally: the schema sendTemplateMessage and a session send's fallbackTemplate share. */
export const templateInput = z.object({
  name: checked(characters, (s) =>
    LIMITS.templateNamePattern.test(s)
      ? null
      : { rule: "TEMPLATE_NAME", message: "must be 1 to 512 lower-case letters, digits or '_', as the catalog names it" },
  ),
  language: checked(characters, (s) =>
    LIMITS.templateLanguagePattern.test(s) ? null : { rule: "TEMPLATE_LANGUAGE", message: "must be a language code such as en, en_US or pt_BR" },
  ),
  parameters: parameters.nullish(),
});

// The schema reads exactly the generated input type (see send-session-message.ts).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameTemplate: Equal<z.output<typeof templateInput>, TemplateInput> = true;
void sameTemplate;

/**
 * The structural rules of a template (no catalog needed), with fields under `path`
 * ("input.template", "input.fallbackTemplate", "inputs[3].template").
 */
export function validateTemplateInput(template: TemplateInput, path: string): ValidationIssue[] {
  const result = templateInput.safeParse(template);
  return result.success ? [] : toIssues(result.error.issues, path);
}
