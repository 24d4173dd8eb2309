/**
 * Compose variable interpolation, as far as static analysis can go without the environment:
 * `${VAR:-default}` / `${VAR-default}` take their default, `$$` is a literal `$`, and anything
 * else (`${VAR}`, `$VAR`, `${VAR:?err}`) is a reference whose value is unknown.
 */
export interface Interpolated {
  value: string;
  /** True when some variable has no default, so `value` is incomplete. */
  unresolved: boolean;
  /** True when the text contains any variable reference at all. */
  hasReference: boolean;
}

export function interpolate(text: string): Interpolated {
  let unresolved = false;
  let hasReference = false;
  const value = text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, op, word, bare) => {
    if (match === '$$') return '$';
    hasReference = true;
    if (bare !== undefined || op === undefined || op === ':?' || op === '?') {
      unresolved = true;
      return '';
    }
    if (op === ':-' || op === '-') return interpolate(word ?? '').value;
    unresolved = true; // `+` forms depend on whether the variable is set
    return '';
  });
  return { value, unresolved, hasReference };
}
