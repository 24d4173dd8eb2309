import { defineRule, type Report } from '../rule';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { LineIndex } from '../text/line-index';
import type { Fix, Range, Severity, TextEdit } from '../types';
import { isAlias } from 'yaml';
import type { KubernetesDocument } from '../kubernetes/document';
import { editorFor } from '../kubernetes/fixes';
import { assessAssignment, composeAssignments, dockerfileAssignments, findTokens, findTokensInRegions, kubernetesAssignments, redact, type Assignment, type TokenMatch } from '../secrets';

/**
 * Credentials written into a file. Two detectors, one finding per place:
 * known token formats anywhere in the text (comments and RUN commands included), and literal
 * values given to sensitive names in the places each file kind defines variables.
 * Messages carry only a redacted preview (`ghp_… (40 chars)`), never the value.
 */
type Where = 'image' | 'compose' | 'manifest';

const CONSEQUENCE: Record<Where, string> = {
  image: 'it is stored in the image layers and history, readable by anyone who can pull the image or read the repository',
  compose: 'anyone who can read the repository or the Compose file has it',
  manifest: 'anyone who can read the repository or the manifest has it, and it is visible in the cluster',
};

interface TokenReport extends Report {
  start: number;
  end: number;
}

/** Known token formats anywhere in the text, as reports not yet made (assignments may add a fix). */
function scanText(tokens: TokenMatch[], lines: LineIndex, where: Where): TokenReport[] {
  return tokens.map((token) => {
    const what = token.weak ? `a guessable default ${token.pattern.label}` : `a ${token.pattern.label}`;
    return {
      start: token.start,
      end: token.end,
      range: lines.rangeAt(token.start, token.end),
      severity: token.weak ? ('warning' as Severity) : undefined,
      message: `Embedded secret: ${what} (${redact(token.secret)}) is written in the file; ${CONSEQUENCE[where]}. Revoke it and supply it at run time from a secret store.`,
    };
  });
}

/**
 * One finding per place: a value holding a known token is reported as the token (with the
 * place's fix); other literal values given to sensitive names are reported by name.
 */
function check(found: TokenMatch[], lines: LineIndex, where: Where, assignments: Assignment[], fixFor: (a: Assignment) => Fix[] | undefined, report: (r: Report) => void): void {
  const tokens = scanText(found, lines, where);
  for (const assignment of assignments) {
    const token = tokens.find((t) => t.start < assignment.valueEnd && assignment.valueStart < t.end);
    if (token) {
      token.fixes ??= fixFor(assignment);
      continue;
    }
    const verdict = assessAssignment(assignment.name, assignment.value, { requireRandom: assignment.requireRandom });
    if (!verdict || assignment.value === undefined) continue;
    const preview = redact(assignment.value);
    const message =
      verdict.strength === 'weak'
        ? `Embedded secret: ${assignment.where} ${assignment.name} is set to a well-known default value (${preview}); anyone can guess it, and ${CONSEQUENCE[where]}. Set a real secret at run time instead.`
        : `Embedded secret: ${assignment.where} ${assignment.name} is given a literal credential (${preview}); ${CONSEQUENCE[where]}.`;
    report({ range: assignment.range, severity: verdict.strength === 'weak' ? 'warning' : undefined, message, fixes: fixFor(assignment) });
  }
  for (const { range, severity, message, fixes } of tokens) report({ range, severity, message, fixes });
}

export default defineRule({
  id: 'embedded-secret',
  title: 'Secret written into the file',
  description: 'A credential is written into the file, where everyone with access to the repository, the image or the cluster API can read it and it stays in the history after it is removed.',
  severity: 'error',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: { checkov: ['CKV_SECRET_2', 'CKV_SECRET_6'], kics: ['passwords_and_secrets'], kubeLinter: ['env-var-secret'] },
  howToFix:
    'Revoke the credential first (it is in the history now). Then: in a Dockerfile use a BuildKit secret (`RUN --mount=type=secret,id=name,env=NAME …`) on the RUNs that need it and drop the ENV/ARG; in Compose write `${NAME}` and set it in the environment or an untracked `.env`; in Kubernetes use `valueFrom.secretKeyRef` pointing at a Secret managed outside the repository.',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      // An edited Dockerfile's unchanged chunks keep their tokens from the previous version.
      const tokens = model.textChunks ? findTokensInRegions(model.text, model.textChunks) : findTokens(model.text);
      check(tokens, model.lines, 'image', dockerfileAssignments(model), (a) => dockerfileFix(a, model), report);
    },
    compose({ model, report }) {
      check(findTokens(model.yaml.segment.text), model.yaml.lines, 'compose', composeAssignments(model), (a) => composeFix(a, model.yaml.segment.text, model.yaml.lines), report);
    },
    kubernetes({ model, report }) {
      check(findTokens(model.yaml.segment.text), model.yaml.lines, 'manifest', kubernetesAssignments(model), (a) => kubernetesFix(a, model), report);
    },
  },
});

/**
 * Compose: `${NAME}` takes the value from the environment or an untracked `.env` file. The
 * quotes of a quoted value are kept; in a flow collection a plain value (`{KEY: value}`) or list
 * item (`[KEY=value]`) gets double quotes, as a plain `{` does not parse there. Multi-line values
 * get no fix.
 */
function composeFix(assignment: Assignment, text: string, lines: LineIndex): Fix[] | undefined {
  if (!assignment.compose || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(assignment.name)) return undefined;
  const { valueStart, valueEnd } = assignment;
  if (/[\r\n]/.test(text.slice(valueStart, valueEnd))) return undefined;
  const quoted = valueStart > 0 && (text[valueStart - 1] === '"' || text[valueStart - 1] === "'") && text[valueEnd] === text[valueStart - 1];
  const reference = `\${${assignment.name}}`;
  let edit = { range: lines.rangeAt(valueStart, valueEnd), newText: reference };
  if (assignment.flow === 'map' && !quoted) edit = { range: edit.range, newText: JSON.stringify(reference) };
  if (assignment.flow === 'seq') {
    // The item is `NAME=value`; its quotes, if any, sit around the whole item, not the value.
    const itemStart = valueStart - 1 - assignment.name.length;
    if (text.slice(itemStart, valueStart) !== `${assignment.name}=`) return undefined;
    const opener = text[itemStart - 1];
    const itemQuoted = (opener === '"' || opener === "'") && text[valueEnd] === opener;
    if (!itemQuoted) edit = { range: lines.rangeAt(itemStart, valueEnd), newText: JSON.stringify(`${assignment.name}=${reference}`) };
  }
  return [
    {
      title: `Read ${assignment.name} from the environment (${reference})`,
      edits: [edit],
      safe: false,
      preferred: true,
    },
  ];
}

/** A DNS-1123 name made of `raw` (lowercased, other characters as `-`), or undefined when nothing is left. */
function dnsName(raw: string | undefined): string | undefined {
  const name = (raw ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 200).replace(/-+$/, '');
  return name === '' ? undefined : name;
}

/**
 * Kubernetes: `value: …` becomes `valueFrom.secretKeyRef` on a Secret the user creates, named
 * after the workload (`<metadata.name>-secrets`; the container's name when the object has none),
 * with the variable's name lowercased as the key. Written in the file's indentation step and line
 * breaks; not offered in flow style, for a `value` reached through a merge key or an alias.
 */
function kubernetesFix(assignment: Assignment, model: KubernetesDocument): Fix[] | undefined {
  const env = assignment.kubernetesEnv;
  if (!env || env.item.flow) return undefined;
  const editor = editorFor(model);
  if (editor.ownPair(env.item, 'value') !== env.pair) return undefined;
  const value = env.pair.value as { range?: [number, number, number]; anchor?: string } | null;
  const key = env.pair.key as { range?: [number, number, number] } | null;
  if (!key?.range || !value?.range || value.anchor || isAlias(value)) return undefined;
  const lines = model.yaml.lines;
  const text = model.yaml.segment.text;
  const keyStart = lines.positionAt(key.range[0]);
  const indent = ' '.repeat(keyStart.character);
  const { unit } = editor.style();
  const step = ' '.repeat(unit);
  const secretName = `${dnsName(env.workload) ?? dnsName(env.container) ?? 'app'}-secrets`;
  const secretKey = assignment.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  if (!/[a-z0-9]/.test(secretKey)) return undefined;
  const eol = editor.eol;
  // A block scalar's range ends after its line break: keep one.
  const trailing = /\r?\n$/.test(text.slice(key.range[0], value.range[1])) ? eol : '';
  const newText = `valueFrom:${eol}${indent}${step}secretKeyRef:${eol}${indent}${step}${step}name: ${secretName}${eol}${indent}${step}${step}key: ${secretKey}${trailing}`;
  return [
    {
      title: `Read ${assignment.name} from the Secret ${secretName} (valueFrom.secretKeyRef)`,
      edits: [{ range: lines.rangeAt(key.range[0], value.range[1]), newText }],
      safe: false,
      preferred: true,
    },
  ];
}

/**
 * Dockerfile: the RUNs that read the variable get it from a BuildKit secret
 * (`RUN --mount=type=secret,id=name,env=NAME`, Dockerfile syntax 1.10+) and the ENV/ARG goes.
 * Offered only when RUNs of the stage (or of stages built FROM it) use the variable; a
 * variable no RUN reads is needed at run time, which a build secret cannot provide.
 */
function dockerfileFix(assignment: Assignment, model: DockerfileModel): Fix[] | undefined {
  const declared = assignment.dockerfile;
  if (!declared || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(assignment.name)) return undefined;
  const stage = model.stages.find((s) => s.instructions.includes(declared.instruction));
  if (!stage) return undefined;
  const declaredLine = declared.instruction.getRange().start.line;
  const uses = new RegExp(`\\$\\{?${assignment.name}(?![A-Za-z0-9_])`);
  const runs = model.stages
    .filter((s) => buildsOn(s, stage))
    .flatMap((s) => s.instructions)
    .filter((i) => i.getKeyword() === 'RUN' && i.getRange().start.line > declaredLine)
    .filter((run) => uses.test(model.text.slice(model.offsetAt(run.getRange().start), model.offsetAt(run.getRange().end))));
  if (runs.length === 0) return undefined;
  const id = assignment.name.toLowerCase().replace(/_/g, '-');
  const edits: TextEdit[] = runs.flatMap((run) => {
    const args = run.getArgumentsRange();
    return args ? [{ range: { start: args.start, end: args.start }, newText: `--mount=type=secret,id=${id},env=${assignment.name} ` }] : [];
  });
  edits.unshift({ range: removalRange(declared, model), newText: '' });
  return [{ title: `Use a BuildKit secret for ${assignment.name} in ${runs.length} RUN${runs.length === 1 ? '' : 's'} and drop the ${declared.instruction.getKeyword()}`, edits, safe: false, preferred: true }];
}

/** `stage` itself, or a stage built FROM it (directly or through others). */
function buildsOn(candidate: Stage, stage: Stage): boolean {
  for (let s: Stage | undefined = candidate; s; s = s.baseStage) if (s === stage) return true;
  return false;
}

/** The whole instruction line when it declares only this variable, else `NAME=value` and its separator. */
function removalRange(declared: NonNullable<Assignment['dockerfile']>, model: DockerfileModel): Range {
  if (declared.properties === 1) {
    const range = declared.instruction.getRange();
    const next = model.lines.lineStart(range.end.line + 1);
    const end = range.end.line + 1 < model.lines.lineCount ? model.lines.positionAt(next) : range.end;
    return { start: { line: range.start.line, character: 0 }, end };
  }
  const start = model.offsetAt(declared.property.start);
  let end = model.offsetAt(declared.property.end);
  while (model.text[end] === ' ' || model.text[end] === '\t') end++;
  return model.lines.rangeAt(start, end);
}
