/**
 * The protocol trace (`bulkhead.trace.server: verbose`) is vscode-languageclient's log of every
 * message, parameters included: `didOpen`/`didChange`/`didSave` carry the full text of the
 * document, and edits (`newText`) carry pieces of it. A file's secrets must not end up in an
 * output channel that users paste into bug reports, so the client logs through this wrapper:
 * document text is replaced by its length, and any credential of a known format left anywhere in
 * a message is replaced by its redacted preview. Pure apart from the channel it wraps: no
 * `vscode` import at run time, so it is unit-tested directly.
 */
import type { LogOutputChannel } from 'vscode';
import { findTokens } from '../../server/src/engine/secrets/tokens';
import { redact } from '../../server/src/engine/secrets/redact';

/**
 * JSON string members that hold document text in LSP messages, as the tracer prints them
 * (`JSON.stringify`, indented or not). The string body alternates two disjoint branches, so the
 * match is linear however hostile the text.
 */
const TEXT_MEMBER = /("(?:text|newText|insertText)"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/** A traced message with document text and detected secrets redacted. */
export function redactDocumentText(message: string): string {
  const withoutText = message.replace(TEXT_MEMBER, (_all, key: string, body: string) => `${key}"<document text redacted: ${decodedLength(body)} characters>"`);
  const tokens = findTokens(withoutText);
  if (tokens.length === 0) return withoutText;
  let out = '';
  let at = 0;
  for (const token of tokens) {
    out += `${withoutText.slice(at, token.start)}<${token.pattern.label} redacted: ${redact(token.secret)}>`;
    at = token.end;
  }
  return out + withoutText.slice(at);
}

/** Characters of the text a JSON string body stands for (its escapes decoded). */
function decodedLength(body: string): number {
  try {
    return (JSON.parse(`"${body}"`) as string).length;
  } catch {
    return body.length;
  }
}

function redactArgument(value: unknown): unknown {
  if (typeof value === 'string') return redactDocumentText(value);
  if (value instanceof Error) return redactError(value);
  if (value !== null && typeof value === 'object') {
    try {
      return redactDocumentText(JSON.stringify(value));
    } catch {
      return '<unprintable value>';
    }
  }
  return value;
}

function redactError(error: Error): Error {
  const copy = new Error(redactDocumentText(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactDocumentText(error.stack);
  return copy;
}

/**
 * The channel the language client logs and traces to, redacting everything written to it; the
 * log level (which switches tracing on and off) and the rest are the wrapped channel's.
 */
export function redactingChannel(channel: LogOutputChannel): LogOutputChannel {
  const r = redactDocumentText;
  const args = (values: unknown[]) => values.map(redactArgument);
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return channel.logLevel;
    },
    get onDidChangeLogLevel() {
      return channel.onDidChangeLogLevel;
    },
    trace: (message: string, ...rest: unknown[]) => channel.trace(r(message), ...args(rest)),
    debug: (message: string, ...rest: unknown[]) => channel.debug(r(message), ...args(rest)),
    info: (message: string, ...rest: unknown[]) => channel.info(r(message), ...args(rest)),
    warn: (message: string, ...rest: unknown[]) => channel.warn(r(message), ...args(rest)),
    error: (error: string | Error, ...rest: unknown[]) => channel.error(typeof error === 'string' ? r(error) : redactError(error), ...args(rest)),
    append: (value: string) => channel.append(r(value)),
    appendLine: (value: string) => channel.appendLine(r(value)),
    replace: (value: string) => channel.replace(r(value)),
    clear: () => channel.clear(),
    show: ((columnOrPreserveFocus?: unknown, preserveFocus?: boolean) => channel.show(columnOrPreserveFocus as never, preserveFocus)) as LogOutputChannel['show'],
    hide: () => channel.hide(),
    dispose: () => channel.dispose(),
  };
}
