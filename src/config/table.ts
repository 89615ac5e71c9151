/** The configuration table of docs/configuration.md, rendered from the declarations (`npm run docs:config` writes it). */
import { GROUPS, type Group } from "./variables.js";
import type { Variable } from "./variable.js";

/** Markdown table cells hold no pipes or line breaks. */
const cell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("\n", " ");

const code = (text: string): string => `\`${cell(text)}\``;

function row(variable: Variable<unknown>): string {
  return `| ${code(variable.name)} | ${code(variable.shownDefault)} | ${cell(variable.shownValues)} | ${cell(variable.description)} |`;
}

function section(group: Group): string {
  return [
    `## ${group.title}`,
    "",
    ...(group.about ? [group.about, ""] : []),
    "| variable | default | values | meaning |",
    "|---|---|---|---|",
    ...group.variables.map(row),
  ].join("\n");
}

/** Every group under its heading, each a table; what goes between the config-table markers. */
export function configurationTable(): string {
  return `${GROUPS.map(section).join("\n\n")}\n`;
}
