import type { Block, ViewContext } from '../render/context.js';
import { format } from '../knowledge/index.js';

/** The appendix's table of exported objects (partial "objects"): frame, protocol, file name, media type, size, SHA-256. */
export function objectsBlock(ctx: ViewContext, t: Record<string, string>): Block {
  const objects = ctx.model.objects ?? [];
  const unlisted = ctx.model.objectsUnlisted ?? 0;
  return {
    partial: 'objects',
    data: {
      intro: objects.length === 0 ? t.objectsNone : objects.some((o) => o.exported) ? `${t.objectsIntro} ${t.objectsIntroExported}` : t.objectsIntro!,
      more: ctx.rows(objects).more,
      rows: ctx.rows(objects).shown.map((o) => ({
        frame: o.frame,
        kind: o.kind.toUpperCase(),
        name: o.name,
        type: o.type ?? '—',
        size: o.size === null ? t.objectNotKnown : ctx.bytes(o.size),
        sha256: o.sha256 ?? '—',
        note:
          o.reasons.length > 0
            ? format(t.objectIncomplete!, o.reasons.map((r) => t[`objectReason${r[0]!.toUpperCase()}${r.slice(1)}`]).join(t.listSeparator ?? '; '))
            : '',
      })),
      unlisted: unlisted ? format(t.objectsUnlisted!, ctx.num(unlisted)) : '',
    },
  };
}
