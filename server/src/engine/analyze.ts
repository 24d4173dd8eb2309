import { isMap } from 'yaml';
import { classifyPath, looksLikeHelmTemplate } from './classify';
import { configKey, DEFAULT_CONFIG, type EngineConfig } from './config';
import { parseDockerfile } from './dockerfile/model';
import { readComposeProject } from './compose/model';
import type { ComposeDocument } from './compose/document';
import type { KubernetesDocument } from './kubernetes/document';
import { readObjects } from './kubernetes/model';
import { formatBytes, LIMITS, lineCountOver, longestLineOver, looksBinary, type Limits } from './limits';
import { injectedRuleFault } from '../faults';
import { memoiseBuildContext, type BuildContext } from './build-context';
import type { Rule, RuleChecks, RuleContext } from './rule';
import { RULES } from './rules';
import { splitYamlDocuments, type YamlSegment } from './yaml/segments';
import { suppressFindings, type SuppressedFinding } from './suppression';
import { parseYamlSegment, type ParsedYaml } from './yaml/parse';
import type { FileKind, Finding, Range, Severity } from './types';
import { composeFacts, dockerfileFacts, kubernetesFacts, mergeFacts, shiftFacts, type FileFacts } from './workspace/facts';

export interface AnalyzeOptions {
  /** File path (any separator); used to classify the file by name. */
  path?: string;
  /** Editor language id (`dockerfile`, `dockercompose`, `yaml`). */
  languageId?: string;
  /** Skip classification and treat the file as this kind. */
  kind?: FileKind;
  config?: EngineConfig;
  /** Pass the same object for successive versions of one document to reuse unchanged YAML documents. */
  cache?: AnalysisCache;
  /** Dockerfiles: the files of the build context, from a host with file-system access (optional). */
  buildContext?: BuildContext;
  /** Size, shape and time limits (default `LIMITS`; the editor passes `EDITOR_LIMITS`). */
  limits?: Limits;
  /** Run only these rule ids (default: every rule the config does not turn off). */
  rules?: readonly string[];
}

/** Something the user should know that is not a rule finding (a skipped file, an unparsable document). */
export interface Notice {
  code: 'skipped' | 'parse-error';
  message: string;
  range: Range;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface AnalysisResult {
  /** The file's kind, or undefined when it is none of ours (then there are no findings). */
  kind: FileKind | undefined;
  findings: Finding[];
  /** Findings silenced by suppression comments or annotations (see engine/suppression). */
  suppressed: SuppressedFinding[];
  notices: Notice[];
  /** Rules that threw; their findings for this document are lost, every other rule's are kept. */
  failures: RuleFailure[];
  /** Set when the whole file was not analysed. */
  skipped?: string;
  /** What cross-file rules need from this file (engine/workspace/facts.ts). */
  facts?: FileFacts;
}

/** Per-document cache of YAML document analyses, keyed by the document's text. */
export class AnalysisCache {
  segments = new Map<string, SegmentResult>();
}

interface SegmentResult {
  configKey: string;
  kind: FileKind | undefined;
  /** Ranges relative to the segment's first line. */
  findings: Finding[];
  notices: Notice[];
  failures: RuleFailure[];
  facts?: FileFacts;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const config = selectRules(options.config ?? DEFAULT_CONFIG, options.rules);
  const pathClass = options.kind ?? classifyPath(options.path ?? '', options.languageId);
  if (!pathClass) return { kind: undefined, findings: [], suppressed: [], notices: [], failures: [] };

  const limits = options.limits ?? LIMITS;
  const deadline = Date.now() + limits.timeBudgetMs;
  const skip = skipReason(text, pathClass, limits);
  if (skip) {
    // A YAML file that is not a manifest is none of ours: no note on someone's 5 MB data file.
    const kind = pathClass === 'yaml' ? guessKind(text.slice(0, 65536)) : pathClass;
    if (!kind) return { kind: undefined, findings: [], suppressed: [], notices: [], failures: [] };
    return { kind, findings: [], suppressed: [], failures: [], skipped: skip, notices: [{ code: 'skipped', message: `Bulkhead skipped this file: ${skip}.`, range: START }] };
  }
  if (pathClass === 'dockerfile') return analyzeDockerfile(text, config, deadline, limits, memoiseBuildContext(options.buildContext));
  return analyzeYaml(text, pathClass, options, config, deadline, limits);
}

/** `rules` selects rules by turning every other one off, so caching and suppression see one config. */
function selectRules(config: EngineConfig, selected: readonly string[] | undefined): EngineConfig {
  if (!selected) return config;
  const keep = new Set(selected);
  const rules = { ...config.rules };
  for (const rule of RULES) if (!keep.has(rule.id)) rules[rule.id] = 'off';
  return { ...config, rules };
}

function skipReason(text: string, pathClass: FileKind | 'yaml', limits: Limits): string | undefined {
  if (text.length > limits.maxFileBytes) return `it is larger than ${formatBytes(limits.maxFileBytes)} (the limit for ${limits.maxFileBytes < LIMITS.maxFileBytes ? 'the editor; `bulkhead audit` checks files up to ' + formatBytes(LIMITS.maxFileBytes) : 'one file'})`;
  if (looksBinary(text)) return 'it looks like binary data (NUL bytes or invalid UTF-8)';
  if (longestLineOver(text, limits.maxLineLength)) return `it has a line longer than ${limits.maxLineLength.toLocaleString('en-US')} characters (generated or minified data)`;
  if (pathClass === 'dockerfile' && lineCountOver(text, limits.maxDockerfileLines)) return `it has more than ${limits.maxDockerfileLines.toLocaleString('en-US')} lines (a generated Dockerfile)`;
  return undefined;
}

function analyzeDockerfile(text: string, config: EngineConfig, deadline: number, limits: Limits, buildContext?: BuildContext): AnalysisResult {
  const model = parseDockerfile(text);
  const { findings, failures, notRun } = runRules('dockerfile', model, config, deadline, buildContext);
  const notices = notRun.length > 0 ? [timeBudgetNotice(limits, `the rules ${notRun.join(', ')} were not run`)] : [];
  const instructionSpans = model.ast.getInstructions().map((i) => ({ start: i.getRange().start.line, end: i.getRange().end.line }));
  const split = suppressFindings(text, 'dockerfile', findings, { config, instructionSpans });
  return { kind: 'dockerfile', findings: capFindings(split.findings, limits), suppressed: split.suppressed, notices, failures, facts: dockerfileFacts(model) };
}

function timeBudgetNotice(limits: Limits, what: string): Notice {
  return { code: 'skipped', message: `Bulkhead stopped analysing this file after its time budget of ${limits.timeBudgetMs / 1000} s: ${what}.`, range: START };
}

function analyzeYaml(text: string, pathClass: FileKind | 'yaml', options: AnalyzeOptions, config: EngineConfig, deadline: number, limits: Limits): AnalysisResult {
  if (looksLikeHelmTemplate(text, options.path)) {
    const known = pathClass !== 'yaml' || /\bapiVersion\s*:/.test(text);
    if (!known) return { kind: undefined, findings: [], suppressed: [], notices: [], failures: [] };
    return {
      kind: pathClass === 'yaml' ? 'kubernetes' : pathClass,
      findings: [],
      suppressed: [],
      failures: [],
      skipped: 'Helm template',
      notices: [{ code: 'skipped', message: 'Bulkhead skipped this file: it is a Helm template ({{ … }}), not plain YAML. Render it (helm template) and lint the output.', range: START }],
    };
  }
  const key = configKey(config);
  const previous = options.cache?.segments;
  const nextCache = new Map<string, SegmentResult>();
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const failures: RuleFailure[] = [];
  const kinds = new Set<FileKind>();
  const parseErrors: Notice[] = [];
  const facts: FileFacts[] = [];

  const segments = splitYamlDocuments(text);
  for (const segment of segments) {
    let result = previous?.get(segment.text);
    if (!result || result.configKey !== key) {
      if (Date.now() > deadline) {
        const last = segments.length;
        notices.push(timeBudgetNotice(limits, last === segment.index + 1 ? `YAML document ${last} was not checked` : `YAML documents ${segment.index + 1}–${last} were not checked`));
        const guessed = pathClass === 'yaml' ? guessKind(segment.text) : pathClass;
        if (guessed) kinds.add(guessed);
        break;
      }
      result = analyzeSegment(segment, pathClass, config, key, deadline, limits);
    }
    nextCache.set(segment.text, result);
    if (result.kind) kinds.add(result.kind);
    findings.push(...result.findings.map((f) => shiftFinding(f, segment.startLine)));
    for (const n of result.notices) (n.code === 'parse-error' ? parseErrors : notices).push(shiftNotice(n, segment.startLine));
    failures.push(...result.failures);
    if (result.facts) facts.push(shiftFacts(result.facts, segment.startLine));
  }
  if (options.cache) options.cache.segments = nextCache;

  const kind: FileKind | undefined = pathClass !== 'yaml' ? pathClass : kinds.has('kubernetes') ? 'kubernetes' : kinds.has('compose') ? 'compose' : undefined;
  // Syntax errors are the YAML extension's job; one note is enough, and only on files that are ours.
  if (kind && parseErrors.length > 0) notices.push(parseErrors[0]);
  const split = kind ? suppressFindings(text, kind, findings, { config }) : { findings, suppressed: [] };
  return { kind, findings: capFindings(split.findings, limits), suppressed: split.suppressed, notices: kind ? notices : [], failures, facts: mergeFacts(facts) };
}

function analyzeSegment(segment: YamlSegment, pathClass: FileKind | 'yaml', config: EngineConfig, key: string, deadline: number, limits: Limits): SegmentResult {
  const empty: SegmentResult = { configKey: key, kind: undefined, findings: [], notices: [], failures: [] };
  if (segment.text.trim() === '') return empty;
  if (segment.text.length > limits.maxYamlDocumentChars) {
    return { ...empty, kind: pathClass === 'yaml' ? guessKind(segment.text.slice(0, 65536)) : pathClass, notices: [{ code: 'skipped', message: `Bulkhead skipped YAML document ${segment.index + 1}: it is larger than ${formatBytes(limits.maxYamlDocumentChars)}.`, range: START }] };
  }
  const yaml = parseYamlSegment(segment, limits);
  if (yaml.skipped) {
    return { ...empty, kind: pathClass === 'yaml' ? guessKind(segment.text) : pathClass, notices: [{ code: 'skipped', message: `Bulkhead skipped YAML document ${segment.index + 1}: ${yaml.skipped}.`, range: START }] };
  }
  if (yaml.errors.length > 0) {
    const first = yaml.errors[0];
    return {
      ...empty,
      kind: pathClass === 'yaml' ? guessKind(yaml.segment.text) : pathClass,
      notices: [{ code: 'parse-error', message: `Bulkhead could not parse YAML document ${segment.index + 1} (${first.message}); it is checked again once it parses.`, range: first.range }],
    };
  }
  const root = yaml.doc.contents;
  if (!isMap(root)) return empty;

  const kubernetes = pathClass === 'kubernetes' || pathClass === 'yaml' ? readKubernetes(yaml) : undefined;
  if (kubernetes) {
    const { findings, failures, notRun } = runRules('kubernetes', kubernetes, config, deadline);
    return { configKey: key, kind: 'kubernetes', findings, notices: notRunNotices(notRun, limits), failures, facts: kubernetesFacts(kubernetes) };
  }
  if (pathClass === 'compose' || (pathClass === 'yaml' && looksLikeCompose(yaml))) {
    const document: ComposeDocument = { kind: 'compose', view: yaml.view, yaml, ...readComposeProject(yaml.view, root) };
    const { findings, failures, notRun } = runRules('compose', document, config, deadline);
    return { configKey: key, kind: 'compose', findings, notices: notRunNotices(notRun, limits), failures, facts: composeFacts(document) };
  }
  return empty;
}

function readKubernetes(yaml: ParsedYaml): KubernetesDocument | undefined {
  const { view } = yaml;
  const root = view.map(yaml.doc.contents);
  const objects = root ? readObjects(view, root) : [];
  if (objects.length === 0) return undefined;
  return { kind: 'kubernetes', view, yaml, objects };
}

function looksLikeCompose(yaml: ParsedYaml): boolean {
  const { view } = yaml;
  const services = view.map(view.get(view.map(yaml.doc.contents), 'services'));
  if (!services) return false;
  return view.entries(services).some((pair) => {
    const service = view.map(pair.value);
    return service !== undefined && (view.get(service, 'image') !== undefined || view.get(service, 'build') !== undefined);
  });
}

function guessKind(text: string): FileKind | undefined {
  if (/^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) return 'kubernetes';
  if (/^services\s*:/m.test(text)) return 'compose';
  return undefined;
}

function notRunNotices(notRun: string[], limits: Limits): Notice[] {
  return notRun.length > 0 ? [timeBudgetNotice(limits, `the rules ${notRun.join(', ')} were not run`)] : [];
}

interface RuleRun {
  findings: Finding[];
  failures: RuleFailure[];
  /** Rules skipped because the time budget ran out. */
  notRun: string[];
}

function runRules<K extends FileKind>(kind: K, model: Parameters<NonNullable<RuleChecks[K]>>[0]['model'], config: EngineConfig, deadline: number, buildContext?: BuildContext): RuleRun {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const notRun: string[] = [];
  for (const rule of RULES) {
    const check = rule.check[kind] as ((context: RuleContext<unknown>) => void) | undefined;
    if (!check) continue;
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    if (Date.now() > deadline) {
      notRun.push(rule.id);
      continue;
    }
    const reported: Finding[] = [];
    const context: RuleContext<unknown> = {
      model,
      config,
      buildContext,
      report: (r) => reported.push({ ruleId: rule.id, severity: effectiveSeverity(rule, r.severity, setting), message: r.message, range: r.range, fixes: r.fixes }),
    };
    try {
      injectedRuleFault(rule.id);
      check(context);
      findings.push(...reported);
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
    }
  }
  return { findings: sortFindings(findings), failures, notRun };
}

function effectiveSeverity(rule: Rule, reported: Severity | undefined, setting: string | undefined): Severity {
  if (setting === 'error' || setting === 'warning' || setting === 'info') return setting;
  return reported ?? rule.severity;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}

function capFindings(findings: Finding[], limits: Limits): Finding[] {
  return findings.length > limits.maxFindingsPerFile ? findings.slice(0, limits.maxFindingsPerFile) : findings;
}

function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function shiftFinding(finding: Finding, lines: number): Finding {
  if (lines === 0) return finding;
  return {
    ...finding,
    range: shiftRange(finding.range, lines),
    fixes: finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) })),
  };
}

function shiftNotice(notice: Notice, lines: number): Notice {
  return lines === 0 ? notice : { ...notice, range: shiftRange(notice.range, lines) };
}
