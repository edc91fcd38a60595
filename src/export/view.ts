import type { Block, ViewContext } from '../render/context.js';
import { format } from '../knowledge/index.js';

/** The appendix's table of exported objects (partial "objects"): frame, protocol, file name, media type, size, SHA-256. */
export function objectsBlock(ctx: ViewContext, t: Record<string, string>): Block {
  const objects = ctx.model.objects ?? [];
  const unlisted = ctx.model.objectsUnlisted ?? 0;
  return {
    partial: 'objects',
    data: {
      intro: objects.length === 0 ? t.objectsNone : `${t.objectsIntro} ${objects.some((o) => o.exported) ? t.objectsIntroExported : t.objectsIntroToExport}`,
      rows: objects.map((o) => ({
        frame: o.frame,
        kind: o.kind.toUpperCase(),
        name: o.name,
        type: o.type ?? '—',
        size: o.size === null ? t.objectNotKnown : ctx.bytes(o.size),
        sha256: o.sha256 ?? '—',
        note: o.problem ? format(t.objectIncomplete!, o.problem) : '',
      })),
      unlisted: unlisted ? format(t.objectsUnlisted!, ctx.num(unlisted)) : '',
    },
  };
}
