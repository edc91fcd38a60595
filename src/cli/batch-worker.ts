import { parentPort } from 'node:worker_threads';
import type { Browser } from 'puppeteer-core';
import { CaptureError } from '../capture/frame.js';
import { UsageError } from '../errors.js';
import { failedRow, fileSha256, summaryRow } from '../report/summary.js';
import { NoBrowserError, type BrowserChoice } from '../render/browser.js';
import { buildOne } from './build.js';
import type { BatchResult, WorkerMessage, WorkerTask } from './batch.js';
import { writeOutputs } from './write.js';

/*
 * One worker of a batch build: it takes captures one at a time and writes each one's
 * reports. It keeps one browser for all the PDFs it prints (a new one if a print killed it).
 */

let browser: Browser | undefined;

const tell = (message: WorkerMessage) => parentPort!.postMessage(message);

async function printer(formats: readonly string[], chrome: BrowserChoice | undefined): Promise<Browser | undefined> {
  if (!formats.includes('pdf') || !chrome) return undefined;
  if (!browser?.connected) {
    const { browserHandle, launchBrowser } = await import('../render/pdf.js');
    browser = await launchBrowser(chrome);
    const handle = browserHandle(browser);
    if (handle) {
      tell({ browserStarted: handle });
      browser.once('disconnected', () => tell({ browserEnded: handle.pid }));
    }
  }
  return browser;
}

async function build(task: Extract<WorkerTask, { job: unknown }>): Promise<BatchResult> {
  const { job, limits, config, out, chrome, pdfBudget } = task;
  try {
    const model = await buildOne(job.capture, { limits, config });
    await writeOutputs(model, config, { outDir: out, baseName: job.name, chrome, browser: await printer(config.formats, chrome), pdfBudget, limits });
    return { row: summaryRow(job.capture, job.name, model, await fileSha256(job.capture)), failure: null };
  } catch (e) {
    const message = (e as Error).message;
    const kind = e instanceof CaptureError || e instanceof UsageError || e instanceof NoBrowserError ? 'input' : 'internal';
    return { row: failedRow(job.capture, job.name, message.split('\n')[0]!), failure: kind };
  }
}

parentPort!.on('message', async (task: WorkerTask) => {
  if ('done' in task) {
    if (browser) {
      const { closeBrowser } = await import('../render/pdf.js');
      await closeBrowser(browser);
    }
    parentPort!.close();
    return;
  }
  tell(await build(task));
});
