/**
 * The full page of a code with a rich explanation (data/explanations.json): what the hover leaves out.
 * Written to docs/codes/<code>.md by scripts/code-pages.ts at build time, shipped in the extension, linked
 * from the hover, and used as the completion item's documentation.
 */
import * as knowledge from '../../knowledge';

export const CODE_PAGES_BASE = 'https://github.com/http-status-lens/http-status-lens/blob/main/docs/codes/';

export function codePageUrl(code: number): string {
  return `${CODE_PAGES_BASE}${code}.md`;
}

/**
 * The page's Markdown, or undefined for a code without a rich explanation. `link` gives the address of
 * another code's page: relative between the shipped pages, absolute where the text stands alone.
 */
export function renderCodePage(code: number, link: (code: number) => string = codePageUrl): string | undefined {
  const rich = knowledge.explanationOf(code);
  const entry = knowledge.get(code);
  if (!rich || !entry) return undefined;
  const explained = new Set(knowledge.explainedCodes());
  const name = (other: number) => {
    const title = `${other} ${knowledge.get(other)?.phrase ?? ''}`.trim();
    return explained.has(other) ? `[${title}](${link(other)})` : title;
  };
  const sections = [
    `# ${code} ${entry.phrase}`,
    `${knowledge.classOf(code)?.name ?? ''} · [${entry.spec.rfc} §${entry.spec.section}](${entry.spec.url})`,
    `> ${entry.summary}`,
    rich.meaning,
    `## When it fits\n\n${bullets(rich.whenItFits)}`,
    rich.commonCauses && `## Common causes\n\n${bullets(rich.commonCauses)}`,
    rich.scenarios && `## Scenarios\n\n${bullets(rich.scenarios)}`,
    `## Not to be confused with\n\n${bullets(rich.notToBeConfusedWith.map((c) => `**${name(c.code)}**: ${c.difference}`))}`,
    rich.faq && `## Questions\n\n${rich.faq.map((f) => `**${f.question}**\n\n${f.answer}`).join('\n\n')}`,
  ];
  return sections.filter(Boolean).join('\n\n');
}

function bullets(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
