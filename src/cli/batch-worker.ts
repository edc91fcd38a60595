import { parentPort } from 'node:worker_threads';
import type { Browser } from 'puppeteer';
import { CaptureError } from '../capture/frame.js';
import { UsageError } from '../errors.js';
import type { Limits } from '../limits.js';
import type { ReportConfig } from '../report/config.js';
import { failedRow, fileSha256, summaryRow } from '../report/summary.js';
import { NoBrowserError } from '../render/browser.js';
import { buildOne } from './build.js';
import type { BatchJob, BatchResult } from './batch.js';
import { writeOutputs } from './write.js';

/*
 * One worker of a batch build: it takes captures one at a time and writes each one's
 * reports. It keeps one browser for all the PDFs it prints.
 */

let browser: Browser | undefined;

async function printer(config: ReportConfig, chrome: string | undefined): Promise<Browser | undefined> {
  if (!config.formats.includes('pdf')) return undefined;
  if (!browser) {
    const { findBrowser } = await import('../render/browser.js');
    const { launchBrowser } = await import('../render/pdf.js');
    browser = await launchBrowser(await findBrowser(chrome));
  }
  return browser;
}

async function build(job: BatchJob, limits: Limits, config: ReportConfig, out: string, chrome: string | undefined): Promise<BatchResult> {
  try {
    const model = await buildOne(job.capture, { limits, config });
    await writeOutputs(model, config, out, job.name, chrome, await printer(config, chrome));
    return { row: summaryRow(job.capture, job.name, model, await fileSha256(job.capture)), failure: null };
  } catch (e) {
    const message = (e as Error).message;
    const kind = e instanceof CaptureError || e instanceof UsageError || e instanceof NoBrowserError ? 'input' : 'internal';
    return { row: failedRow(job.capture, job.name, message.split('\n')[0]!), failure: kind };
  }
}

parentPort!.on('message', async (msg: { job?: BatchJob; limits: Limits; config: ReportConfig; out: string; chrome?: string; done?: boolean }) => {
  if (msg.done) {
    await browser?.close();
    parentPort!.close();
    return;
  }
  parentPort!.postMessage(await build(msg.job!, msg.limits, msg.config, msg.out, msg.chrome));
});
