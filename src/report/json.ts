/**
 * The model as pretty JSON (two-space indent, exactly as JSON.stringify(model, null, 2)
 * writes it), produced piece by piece so a large model is never one giant string.
 */
export function* jsonPieces(value: unknown, end = ''): Generator<string> {
  yield* pieces(value, 0, 3);
  yield end;
}

function* pieces(value: unknown, depth: number, splitDepth: number): Generator<string> {
  const pad = '  '.repeat(depth);
  const inner = '  '.repeat(depth + 1);
  const isContainer = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!isContainer || depth >= splitDepth) {
    const text = JSON.stringify(value, null, 2);
    yield depth === 0 ? text : text.replaceAll('\n', `\n${pad}`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* pieces(value[i] === undefined || typeof value[i] === 'function' ? null : value[i], depth + 1, splitDepth);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    return yield `${pad}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return yield '{}';
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${inner}${JSON.stringify(k)}: `;
    yield* pieces(v, depth + 1, splitDepth);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${pad}}`;
}
