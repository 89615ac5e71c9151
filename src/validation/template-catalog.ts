/**
 * A template checked against the business's catalog: it exists in that language, is APPROVED, and
 * its parameters are exactly the ones it expects, with the button URLs and the body they complete
 * within WhatsApp's limits. Pure: the send path reads the catalog and runs this after the
 * structural rules (template.ts) passed.
 */
import type { CatalogTemplate, TemplateButton, TemplateInput, TemplateParameterKind, TemplateParameterSpec } from "../domain/templates.js";
import type { InputRule } from "../domain/errors.js";
import { LIMITS } from "./limits.js";
import { parameterIndex, parameterKind } from "./template.js";
import { codePoints, firstProblem, httpUrl, maxLength, quoted, type ValidationIssue } from "./values.js";

type Given = TemplateInput["parameters"] & object;

const issue = (field: string, rule: InputRule, message: string): ValidationIssue => ({ field, rule, message: `${field} ${message}.` });

const label = (t: CatalogTemplate): string => `${t.name} (${t.language})`;

/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** Every button of the template in order, counting across BUTTONS components (button_n_url counts them all). */
const buttonsOf = (t: CatalogTemplate): readonly TemplateButton[] => t.components.flatMap((c) => (c.type === "BUTTONS" ? (c.buttons ?? []) : []));

const namesOf = (t: CatalogTemplate, kind: TemplateParameterKind): string[] => t.parameters.filter((p) => p.kind === kind).map((p) => p.name);

// ---- which template --------------------------------------------------------------------------------

const sameLanguage = (a: string, b: string): boolean => a.toLowerCase().replace("-", "_") === b.toLowerCase().replace("-", "_");

function unknownLanguage(template: TemplateInput, named: readonly CatalogTemplate[], path: string): ValidationIssue {
  const languages = named.map((t) => t.language);
  const near = languages.find((l) => sameLanguage(l, template.language));
  const advice = near != null ? `use ${near} (the catalog spells it so)` : `it has ${listed(languages)}`;
  return issue(
    `${path}.language`,
    "TEMPLATE_LANGUAGE_UNKNOWN",
    `is ${template.language}, but ${template.name} has no ${template.language} translation in the catalog: ${advice}`,
  );
}

function notApproved(t: CatalogTemplate, path: string): ValidationIssue {
  const only = "only APPROVED templates can be sent";
  const why =
    t.status === "PENDING"
      ? `is PENDING WhatsApp's review: ${only}; wait for the approval (refreshTemplates reads the catalog again) or send another template`
      : t.status === "REJECTED"
        ? `was REJECTED by WhatsApp (reason: ${t.rejectionReason ?? "none given"}): ${only}; correct it and submit it again, or send another template`
        : `has the status ${t.connectlyStatus}, which is not APPROVED: ${only}`;
  return issue(`${path}.name`, "TEMPLATE_NOT_APPROVED", `names ${label(t)}, which ${why}`);
}

// ---- which parameters -------------------------------------------------------------------------------

const HEADER_NOUN: Readonly<Record<string, string>> = { IMAGE: "an image", VIDEO: "a video", DOCUMENT: "a document" };

function headerReason(name: string, t: CatalogTemplate): string {
  const header = t.components.find((c) => c.type === "HEADER");
  if (header == null) return `${t.name} has no header: leave ${name} out`;
  if (header.format === "TEXT" || header.format == null)
    return namesOf(t, "HEADER_TEXT").length > 0
      ? `the header of ${t.name} is text: use header_text`
      : `the header of ${t.name} is fixed text: leave ${name} out`;
  const format = header.format;
  return `the header of ${t.name} is ${HEADER_NOUN[format] ?? format}: use header_${format.toLowerCase()}`;
}

function bodyReason(t: CatalogTemplate): string {
  const names = namesOf(t, "BODY_TEXT");
  if (names.length === 0) return `the body of ${t.name} has no variables: leave body parameters out`;
  return `the body of ${t.name} has ${names.length} variable${names.length === 1 ? "" : "s"}: give ${listed(names)}`;
}

const BUTTON_NOUN: Readonly<Record<string, string>> = { QUICK_REPLY: "a quick-reply button", PHONE_NUMBER: "a phone-number button", OTHER: "not a URL button" };

function buttonReason(name: string, t: CatalogTemplate): string {
  const n = parameterIndex(name) ?? 0;
  const buttons = buttonsOf(t);
  const button = buttons[n - 1];
  const urls = namesOf(t, "BUTTON_URL");
  const advice = urls.length > 0 ? `use ${listed(urls)}` : `leave ${name} out`;
  if (button == null)
    return `${t.name} has ${buttons.length === 0 ? "no buttons" : `only ${buttons.length} button${buttons.length === 1 ? "" : "s"}`}: ${advice}`;
  if (button.type !== "URL") return `button ${n} of ${t.name} is ${BUTTON_NOUN[button.type] ?? "not a URL button"}: ${advice}`;
  return `the URL of button ${n} of ${t.name} is fixed (${button.url ?? "none given"}), with no {{1}} to complete: ${advice}`;
}

/** Why `name` does not fit the template, and what to give instead. */
function unexpectedReason(name: string, t: CatalogTemplate): string {
  const kind = parameterKind(name);
  if (kind === "BODY_TEXT") return bodyReason(t);
  if (kind === "BUTTON_URL") return buttonReason(name, t);
  if (kind != null) return headerReason(name, t);
  const all = t.parameters.map((p) => p.name);
  return all.length > 0 ? `it expects ${listed(all)}` : `it takes no parameters`;
}

function expectation(spec: TemplateParameterSpec): string {
  const example = spec.example != null ? ` (for example ${spec.example})` : "";
  const n = parameterIndex(spec.name);
  const what: Record<TemplateParameterKind, string> = {
    HEADER_TEXT: "the {{1}} of its header",
    HEADER_IMAGE: "the public URL of its header image",
    HEADER_VIDEO: "the public URL of its header video",
    HEADER_DOCUMENT: "the public URL of its header document",
    BODY_TEXT: `the {{${n}}} of its body`,
    BUTTON_URL: `the end of button ${n}'s URL`,
  };
  return `${what[spec.kind]}${example}`;
}

function buttonUrlIssue(t: CatalogTemplate, name: string, value: string, field: string): ValidationIssue | null {
  const n = parameterIndex(name) ?? 0;
  const base = buttonsOf(t)[n - 1]?.url;
  if (base == null) return null;
  const completed = base.replaceAll("{{1}}", value);
  const prefix = base.split("{{1}}")[0] ?? "";
  const problem = firstProblem(completed, [maxLength(LIMITS.templateButtonUrl), httpUrl]);
  if (problem == null) return null;
  const why =
    problem.rule === "MAX_LENGTH"
      ? `a URL of ${codePoints(completed)} characters, over WhatsApp's ${LIMITS.templateButtonUrl}: shorten it`
      : `${quoted(completed, 200)}, which is not a valid http(s) URL: ${prefix === "" ? "give a whole URL such as https://example.com/page" : `give only the part that follows ${prefix}`}`;
  return issue(field, "TEMPLATE_BUTTON_URL", `completes the URL of button ${n} of ${label(t)} into ${why}`);
}

function parameterIssues(given: Given, t: CatalogTemplate, path: string): ValidationIssue[] {
  const expected = new Map(t.parameters.map((p) => [p.name, p]));
  const issues: ValidationIssue[] = [];
  given.forEach((p, i) => {
    const spec = expected.get(p.name);
    const at = `${path}.parameters[${i}]`;
    if (spec == null)
      issues.push(issue(`${at}.name`, "TEMPLATE_PARAMETER_UNEXPECTED", `is ${p.name}, which ${label(t)} does not expect: ${unexpectedReason(p.name, t)}`));
    else if (spec.kind === "BUTTON_URL") {
      const problem = buttonUrlIssue(t, p.name, p.value, `${at}.value`);
      if (problem) issues.push(problem);
    }
  });
  const names = new Set(given.map((p) => p.name));
  for (const spec of t.parameters)
    if (!names.has(spec.name))
      issues.push(issue(`${path}.parameters`, "TEMPLATE_PARAMETER_MISSING", `lacks ${spec.name}, which ${label(t)} expects: ${expectation(spec)}`));
  return issues;
}

function bodyLengthIssue(given: Given, t: CatalogTemplate, path: string): ValidationIssue | null {
  const body = t.components.find((c) => c.type === "BODY")?.text;
  if (body == null) return null;
  const values = new Map(given.map((p) => [p.name, p.value]));
  const rendered = body.replace(/\{\{\s*(\d+)\s*\}\}/g, (variable, n: string) => values.get(`body_${n}`) ?? variable);
  const length = codePoints(rendered);
  if (length <= LIMITS.templateBody) return null;
  return issue(
    `${path}.parameters`,
    "TEMPLATE_BODY_LENGTH",
    `fill the body of ${label(t)} to ${length} characters, over WhatsApp's ${LIMITS.templateBody}: shorten the body values by ${length - LIMITS.templateBody}`,
  );
}

/**
 * Checks a structurally valid template against the business's catalog, with fields under `path`
 * ("input.template", "input.fallbackTemplate"). An empty list means the catalog vouches for it.
 */
export function checkTemplateAgainstCatalog(template: TemplateInput, templates: readonly CatalogTemplate[], path: string): ValidationIssue[] {
  const named = templates.filter((t) => t.name === template.name);
  if (named.length === 0)
    return [
      issue(
        `${path}.name`,
        "TEMPLATE_UNKNOWN",
        `is ${template.name}, but the business's template catalog has no template of that name: check it against templates(businessId), or call refreshTemplates if it was created just now`,
      ),
    ];
  const entry = named.find((t) => t.language === template.language);
  if (entry == null) return [unknownLanguage(template, named, path)];
  if (entry.status !== "APPROVED") return [notApproved(entry, path)];
  const given = template.parameters ?? [];
  const body = bodyLengthIssue(given, entry, path);
  return [...parameterIssues(given, entry, path), ...(body ? [body] : [])];
}
