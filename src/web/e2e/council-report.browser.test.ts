/**
 * End-to-end: a policy officer opens the KPI dashboard, filters to one municipality, goes to the
 * council report, writes the introduction, and downloads the report as PDF and XLSX. The PDF is
 * checked page by page: rendered to PNG with poppler's pdftoppm, every page must have ink on it
 * (not all white) and text that pdftotext can read. Every screen passes axe.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
let webRoot = '';
let workDir = '';

beforeAll(async () => {
  // A private copy of the built UI, so a rebuild of dist/web during the run cannot pull pages from under the suite.
  webRoot = await mkdtemp(join(tmpdir(), 'meedoen-web-report-'));
  await cp(resolve('dist/web'), webRoot, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'meedoen-report-pages-'));
  server = await startTestServer({ clients: 80, webRoot });
  const browser = await launchBrowser('meedoen-e2e-report-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  for (const dir of [webRoot, workDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** Clicks a download link and returns the downloaded file's bytes and suggested name. */
async function download(p: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: linkName }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/**
 * The share of pixels in an 8-bit PNG from pdftoppm (greyscale or RGB) that are not near white:
 * decodes the IDAT stream and undoes the per-row filters, so "blank" is judged on real pixels.
 */
function inkShare(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(png[24], 'bit depth').toBe(8);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[png[25]!]!;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  let previous = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? row[i - channels]! : 0;
      const up = previous[i]!;
      const upLeft = i >= channels ? previous[i - channels]! : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      row[i] = (row[i]! + [0, left, up, (left + up) >> 1, paeth][filter]!) & 0xff;
    }
    for (let x = 0; x < width; x++) if (row[x * channels]! < 200) ink++;
    previous = row;
  }
  return ink / (width * height);
}

describe('council report', () => {
  it('a policy officer filters the dashboard to one municipality and exports the council report as PDF and XLSX', async () => {
    const municipality = await server.db.selectFrom('municipalities').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow();
    await signIn(page, server, 'policy_officer');
    await navigate(page, 'Dashboard', /^Dashboard/);
    await page.getByTestId('dashboard-filters').getByLabel('Gemeente').selectOption({ label: municipality.name });
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.getByRole('heading', { level: 1, name: `Dashboard gemeente ${municipality.name}` }).waitFor();
    await settle(page);

    await page.getByRole('link', { name: 'Exporteren (raadsrapportage)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Raadsrapportage' }).waitFor();
    await settle(page);
    expect(await page.getByLabel('Gemeente', { exact: true }).inputValue()).toBe(municipality.id);
    expect(await page.getByTestId('report-scope').textContent()).toContain(municipality.name);
    await expectAccessible(page, 'council report page');

    // The introduction, saved with its version, ends up in the PDF.
    const introduction = `Inleiding voor de raad van ${municipality.name}: het ging goed dit jaar.`;
    const form = page.getByRole('form', { name: 'Inleiding' });
    await form.getByLabel('Inleiding').fill(introduction);
    await form.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.getByText('De tekst bij Inleiding is opgeslagen.').waitFor();

    await page.getByRole('button', { name: 'Toon de tabellen' }).click();
    await page.getByTestId('report-csv-list').waitFor();
    await settle(page);
    expect(await page.getByTestId('report-csv-list').getByRole('link').count()).toBeGreaterThan(5);
    await expectAccessible(page, 'council report page with the CSV tables');

    const pdf = await download(page, 'Download als PDF');
    expect(pdf.name).toMatch(/^raadsrapportage-.*\.pdf$/);
    const xlsx = await download(page, 'Download als Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);

    // The PDF, page by page: rendered to PNG, not blank, with readable text.
    const file = join(workDir, 'report.pdf');
    await writeFile(file, pdf.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
    expect(pages).toBeGreaterThan(1);
    execFileSync('/usr/bin/pdftoppm', ['-r', '50', '-gray', '-png', file, join(workDir, 'page')]);
    const images = (await readdir(workDir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    expect(images).toHaveLength(pages);
    let all = '';
    for (const [i, image] of images.entries()) {
      const ink = inkShare(await readFile(join(workDir, image)));
      expect(ink, `page ${i + 1} has ink`).toBeGreaterThan(0.002);
      expect(ink, `page ${i + 1} is not a black box`).toBeLessThan(0.5);
      const text = execFileSync('/usr/bin/pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text.trim().length, `page ${i + 1} has text`).toBeGreaterThan(20);
      expect(text).toContain(`Pagina ${i + 1} van ${pages}`);
      all += text;
    }
    expect(all).toContain(`Gemeente ${municipality.name}`);
    expect(all.replace(/\s+/g, ' ')).toContain(introduction);
    expect(all).toContain('Prestatieafspraken');

    // The workbook: the report sheet, the agreements and a sheet per KPI, with numbers in it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['Rapport', 'Prestatieafspraken']);
    expect(workbook.worksheets.length).toBeGreaterThan(2);
    const numbers = workbook.worksheets.slice(2).flatMap((s) => s.getSheetValues().flat()).filter((v) => typeof v === 'number');
    expect(numbers.length).toBeGreaterThan(0);
  }, 240_000);
});
