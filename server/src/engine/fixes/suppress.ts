import { DockerfileParser } from 'dockerfile-ast';
import '../dockerfile/argument-memo';
import { LineIndex } from '../text/line-index';
import type { FileKind, Finding, Fix } from '../types';

/** The placeholder the user replaces with the reason for the suppression. */
export const REASON_PLACEHOLDER = 'reason';

/**
 * "Ignore <rule> on this line" and "… in this file": the suppression comments of rules.md
 * (`# bulkhead-disable-next-line <id> -- reason`, `# bulkhead-disable-file <id> -- reason`).
 * In a Dockerfile the line comment goes above the instruction holding the finding (it covers the
 * whole next instruction, continuation lines included); the file comment goes after the parser
 * directives (`# syntax=`, `# escape=`), which must stay first. Never safe: fix-all never suppresses.
 */
export function suppressionFixes(text: string, kind: FileKind, finding: Finding): Fix[] {
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const id = finding.ruleId;
  let line = finding.range.start.line;
  if (kind === 'dockerfile') {
    const instruction = DockerfileParser.parse(text).getInstructions().find((i) => i.getRange().start.line <= line && i.getRange().end.line >= line);
    if (instruction) line = instruction.getRange().start.line;
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const lineAt = { line, character: 0 };
  let fileLine = 0;
  if (kind === 'dockerfile') while (fileLine < lines.lineCount && /^#\s*[a-zA-Z]+\s*=/.test(lines.lineText(fileLine))) fileLine++;
  const fileAt = { line: fileLine, character: 0 };
  return [
    {
      title: `Ignore ${id} on this line`,
      edits: [{ range: { start: lineAt, end: lineAt }, newText: `${indent}# bulkhead-disable-next-line ${id} -- ${REASON_PLACEHOLDER}${eol}` }],
      safe: false,
    },
    {
      title: `Ignore ${id} in this file`,
      edits: [{ range: { start: fileAt, end: fileAt }, newText: `# bulkhead-disable-file ${id} -- ${REASON_PLACEHOLDER}${eol}` }],
      safe: false,
    },
  ];
}
